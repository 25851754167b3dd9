package io.ae4j.onnx;

import io.ae4j.Autoencoder;
import io.ae4j.layer.ActivityL1;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Dropout;
import io.ae4j.layer.GaussianNoise;
import io.ae4j.layer.KlSparsity;
import io.ae4j.layer.Layer;
import io.ae4j.layer.MaskingNoise;
import io.ae4j.layer.TiedDense;
import io.ae4j.layer.VariationalLatent;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's layers as they compute at inference, as a list of {@link AffineStep}s: noise and
 * dropout pass rows through unchanged, sparsity layers only add to the training loss, a
 * variational code outputs its means (the first half of its input), and a tied layer multiplies by
 * the transpose of its mirror's weights.
 */
final class InferenceSteps {

    private final List<Layer> layers;
    private final int encoderLayers;
    private final float[] parameters;
    /** Per layer, the width of its input. */
    private final int[] widths;
    /** Per layer, the position of its first parameter in {@link #parameters}. */
    private final int[] offsets;

    private InferenceSteps(Autoencoder autoencoder) {
        this.layers = new ArrayList<>(autoencoder.encoderLayers());
        layers.addAll(autoencoder.decoderLayers());
        this.encoderLayers = autoencoder.encoderLayers().size();
        this.parameters = autoencoder.distributedTraining().parameters();
        this.widths = new int[layers.size()];
        this.offsets = new int[layers.size()];
        int width = autoencoder.inputSize();
        int offset = 0;
        for (int l = 0; l < layers.size(); l++) {
            widths[l] = width;
            offsets[l] = offset;
            for (int[] shape : layers.get(l).parameterShapes(width)) {
                offset += shape[0] * shape[1];
            }
            width = layers.get(l).outputSize(width);
        }
    }

    /**
     * The steps of layers {@code from} (inclusive) to {@code to} (exclusive), counted over the
     * encoder then the decoder.
     *
     * @throws IllegalArgumentException naming a layer that has no ONNX form (a layer of one's own)
     */
    static List<AffineStep> of(Autoencoder autoencoder, int from, int to) {
        return new InferenceSteps(autoencoder).steps(from, to);
    }

    private List<AffineStep> steps(int from, int to) {
        List<AffineStep> steps = new ArrayList<>();
        for (int l = from; l < to; l++) {
            Layer layer = layers.get(l);
            int width = widths[l];
            if (layer instanceof Dense dense) {
                steps.add(new AffineStep(describe(l), width, dense.units(), copy(offsets[l], width * dense.units()),
                        copy(offsets[l] + width * dense.units(), dense.units()), dense.activation()));
            } else if (layer instanceof TiedDense tied) {
                steps.add(new AffineStep(describe(l), width, tied.units(), mirrorTransposed(l),
                        copy(offsets[l], tied.units()), tied.activation()));
            } else if (layer instanceof VariationalLatent) {
                int means = width / 2;
                if (steps.isEmpty()) {
                    steps.add(AffineStep.selectFirst(width, means, describe(l) + ", its means"));
                } else {
                    AffineStep last = steps.remove(steps.size() - 1);
                    steps.add(last.firstColumns(means, "means for " + describe(l)));
                }
            } else if (!vanishesAtInference(layer)) {
                throw new IllegalArgumentException(describe(l) + " is a " + layer.getClass().getName()
                        + ", which has no ONNX form: only ae4j's built-in layers can be exported");
            }
        }
        return steps;
    }

    /** Noise and dropout only act in training passes; sparsity layers only add a penalty to the loss. */
    private static boolean vanishesAtInference(Layer layer) {
        return layer instanceof GaussianNoise || layer instanceof MaskingNoise || layer instanceof Dropout
                || layer instanceof ActivityL1 || layer instanceof KlSparsity;
    }

    /**
     * The weights tied layer {@code l} uses, {@code W^T} of its mirror: counting the layers with
     * weights, the k-th from the end ties to the k-th from the start (as the engine ties them).
     */
    private float[] mirrorTransposed(int l) {
        List<Integer> weighted = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Dense || layers.get(i) instanceof TiedDense) {
                weighted.add(i);
            }
        }
        int mirror = weighted.get(weighted.size() - 1 - weighted.indexOf(l));
        int rows = widths[mirror];
        int cols = ((Dense) layers.get(mirror)).units();
        float[] transposed = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                transposed[c * rows + r] = parameters[offsets[mirror] + r * cols + c];
            }
        }
        return transposed;
    }

    private float[] copy(int offset, int length) {
        float[] values = new float[length];
        System.arraycopy(parameters, offset, values, 0, length);
        return values;
    }

    /** Layer {@code l} as messages name it, for example "encoder layer 1 (Dense(3, relu))". */
    private String describe(int l) {
        return (l < encoderLayers ? "encoder layer " + l : "decoder layer " + (l - encoderLayers))
                + " (" + layers.get(l) + ")";
    }
}
