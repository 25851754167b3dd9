package io.ae4j.train;

import io.ae4j.layer.Layer;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.SplittableRandom;

/**
 * A network's parameters, their gradients and the optimizer's state, in backend tensors, and the
 * flat layout they are copied in and out by: layer order, within a layer its
 * {@linkplain Layer#parameterShapes parameter tensors} in order, each row-major; gradients follow
 * the same layout, and the optimizer's state repeats it once per slot. Nothing here is
 * thread-safe: the network's guard orders every use.
 */
final class NetworkTensors {

    private final Backend backend;
    /** [layer][tensor] */
    final Tensor[][] parameters;
    /** [layer][tensor], shaped as the parameters. */
    final Tensor[][] gradients;
    /** [layer][tensor][slot], shaped as the parameters. */
    private final Tensor[][][] optimizerState;
    private final int slots;
    private final int parameterCount;

    /**
     * Allocates the tensors of {@code layers} and draws their initial parameters from {@code random}.
     *
     * @param inputSizes each layer's input width
     * @param slots      the optimizer's state tensors per parameter tensor
     */
    NetworkTensors(Backend backend, Layer[] layers, int[] inputSizes, int slots, SplittableRandom random) {
        this.backend = backend;
        this.slots = slots;
        this.parameters = new Tensor[layers.length][];
        this.gradients = new Tensor[layers.length][];
        this.optimizerState = new Tensor[layers.length][][];
        int count = 0;
        for (int l = 0; l < layers.length; l++) {
            int[][] shapes = layers[l].parameterShapes(inputSizes[l]);
            float[][] initial = new float[shapes.length][];
            for (int p = 0; p < shapes.length; p++) {
                initial[p] = new float[shapes[p][0] * shapes[p][1]];
            }
            layers[l].initialize(inputSizes[l], random, initial);
            parameters[l] = new Tensor[shapes.length];
            gradients[l] = new Tensor[shapes.length];
            optimizerState[l] = new Tensor[shapes.length][slots];
            for (int p = 0; p < shapes.length; p++) {
                parameters[l][p] = backend.create(shapes[p][0], shapes[p][1]);
                backend.write(initial[p], 0, parameters[l][p]);
                gradients[l][p] = backend.create(shapes[p][0], shapes[p][1]);
                for (int s = 0; s < slots; s++) {
                    optimizerState[l][p][s] = backend.create(shapes[p][0], shapes[p][1]);
                }
                count += shapes[p][0] * shapes[p][1];
            }
        }
        this.parameterCount = count;
    }

    /** The length of the flat parameters and of the flat gradients. */
    int parameterCount() {
        return parameterCount;
    }

    /** The length of the flat optimizer state. */
    int optimizerStateSize() {
        return parameterCount * slots;
    }

    void readParameters(float[] flat) {
        read(parameters, flat);
    }

    void writeParameters(float[] flat) {
        write(flat, parameters);
    }

    void readGradients(float[] flat) {
        read(gradients, flat);
    }

    void writeGradients(float[] flat) {
        write(flat, gradients);
    }

    void readOptimizerState(float[] flat) {
        int offset = 0;
        for (int s = 0; s < slots; s++) {
            for (Tensor[][] layer : optimizerState) {
                for (Tensor[] state : layer) {
                    backend.read(state[s], flat, offset);
                    offset += state[s].size();
                }
            }
        }
    }

    void writeOptimizerState(float[] flat) {
        int offset = 0;
        for (int s = 0; s < slots; s++) {
            for (Tensor[][] layer : optimizerState) {
                for (Tensor[] state : layer) {
                    backend.write(flat, offset, state[s]);
                    offset += state[s].size();
                }
            }
        }
    }

    /** Scales the gradients down to a global L2 norm of {@code clipNorm} if theirs is larger; 0 clips nothing. */
    void clipGradients(float clipNorm) {
        if (clipNorm == 0) {
            return;
        }
        double sum = 0;
        for (Tensor[] layer : gradients) {
            for (Tensor g : layer) {
                sum += backend.sumOfSquares(g);
            }
        }
        double norm = Math.sqrt(sum);
        if (norm > clipNorm) {
            for (Tensor[] layer : gradients) {
                for (Tensor g : layer) {
                    backend.scale(g, (float) (clipNorm / norm));
                }
            }
        }
    }

    /** Updates every parameter from its gradient and optimizer state: optimizer step {@code step}, counting from 1. */
    void update(Optimizer optimizer, long step) {
        for (int l = 0; l < parameters.length; l++) {
            for (int p = 0; p < parameters[l].length; p++) {
                optimizer.update(backend, parameters[l][p], gradients[l][p], optimizerState[l][p], step);
            }
        }
    }

    private void read(Tensor[][] tensors, float[] flat) {
        int offset = 0;
        for (Tensor[] layer : tensors) {
            for (Tensor t : layer) {
                backend.read(t, flat, offset);
                offset += t.size();
            }
        }
    }

    private void write(float[] flat, Tensor[][] tensors) {
        int offset = 0;
        for (Tensor[] layer : tensors) {
            for (Tensor t : layer) {
                backend.write(flat, offset, t);
                offset += t.size();
            }
        }
    }
}
