package io.ae4j.train;

import io.ae4j.layer.Layer;
import io.ae4j.loss.Loss;
import io.ae4j.loss.TableLoss;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.ActivationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What an autoencoder is made of, checked: the input width, the encoder's and the decoder's
 * layers, the loss, the optimizer, the gradient clip norm and the seed of the initial weights.
 * {@code Autoencoder.Builder} describes one in code and a model file stores one; both are checked
 * here, so that a model read from a file is refused as the builder would refuse it, with the
 * builder's message.
 *
 * <p>Not part of the user API ({@code Autoencoder.builder()} is); public for ae4j's own packages.
 *
 * @param inputSize features per row, > 0
 * @param encoder   the encoder's layers, first to last, at least one
 * @param decoder   the decoder's layers, first to last, at least one; the last one is as wide as the input
 * @param loss      the training loss
 * @param optimizer the optimizer and its settings
 * @param clipNorm  the global gradient-norm clip, 0 for none
 * @param seed      the seed the initial weights are drawn from
 */
public record Architecture(int inputSize, List<Layer> encoder, List<Layer> decoder, Loss loss, Optimizer optimizer,
                           float clipNorm, long seed) {

    /**
     * Checks the description, in the order and with the messages of {@code Autoencoder.Builder}.
     *
     * @param inputSize features per row
     * @param encoder   the encoder's layers; copied
     * @param decoder   the decoder's layers; copied
     * @param loss      the training loss
     * @param optimizer the optimizer
     * @param clipNorm  the global gradient-norm clip, 0 for none
     * @param seed      the seed of the initial weights
     * @throws IllegalArgumentException if a part is missing or empty, the clip norm is negative or
     *                                  not finite, or the decoder's output is not as wide as the input
     */
    public Architecture {
        checkInputSize(inputSize);
        encoder = checkPart("encoder", encoder, inputSize);
        decoder = checkPart("decoder", decoder, inputSize);
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        checkClipNorm(clipNorm);
        int output = inputSize;
        for (Layer layer : encoder) {
            output = layer.outputSize(output);
        }
        for (Layer layer : decoder) {
            output = layer.outputSize(output);
        }
        if (output != inputSize) {
            throw new IllegalArgumentException("the decoder's last layer has " + output + " units but the input has "
                    + inputSize + " features; an autoencoder must reconstruct its input, so make it "
                    + inputSize + " units wide");
        }
        if (loss instanceof TableLoss table) {
            checkTable(table, inputSize, decoder.get(decoder.size() - 1));
        }
    }

    /** A table's network is as wide as its one-hot columns and ends in logits, which its loss takes. */
    private static void checkTable(TableLoss table, int inputSize, Layer last) {
        if (inputSize != table.width()) {
            throw new IllegalArgumentException("the table loss one-hot encodes " + table.columns() + " columns into "
                    + table.width() + " but the network's input is " + inputSize + " wide");
        }
        if (last.activation().function() != ActivationKind.LINEAR) {
            throw new IllegalArgumentException("the decoder's last layer (" + last + ") ends in " + last.activation()
                    + ", but a table loss takes logits: make it linear (Activation.LINEAR)");
        }
    }

    /**
     * Every layer: the encoder's, then the decoder's.
     *
     * @return the layers, unmodifiable
     */
    public List<Layer> layers() {
        List<Layer> layers = new ArrayList<>(encoder);
        layers.addAll(decoder);
        return List.copyOf(layers);
    }

    /**
     * Refuses an input width that is not positive.
     *
     * @param inputSize features per row
     * @throws IllegalArgumentException unless {@code inputSize > 0}
     */
    public static void checkInputSize(int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("input size must be > 0, got " + inputSize);
        }
    }

    /**
     * Refuses a gradient clip norm that is negative, NaN or infinite.
     *
     * @param maxNorm the global gradient-norm clip, 0 for none
     * @throws IllegalArgumentException unless {@code maxNorm} is a finite number >= 0
     */
    public static void checkClipNorm(double maxNorm) {
        if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("gradient clip norm must be a finite number >= 0, got " + maxNorm);
        }
    }

    private static List<Layer> checkPart(String name, List<Layer> layers, int inputSize) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("the " + name + " has no layers: give it at least one, for example Dense.of("
                    + inputSize + ", Activation.RELU)");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new IllegalArgumentException(name + " layer " + i + " is null");
            }
        }
        return List.copyOf(layers);
    }
}
