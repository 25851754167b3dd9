package io.ae4j.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.layer.Activation;
import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the kit does not cover: this backend's per-thread scratch, and NaN where ND4J would hide it. */
class Nd4jBackendTest {

    private final Backend backend = new Nd4jBackend();

    private Tensor tensor(int rows, int cols, double low, double high, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        Tensor t = backend.create(rows, cols);
        backend.write(values, 0, t);
        return t;
    }

    private float[] values(Tensor t) {
        float[] out = new float[t.size()];
        backend.read(t, out, 0);
        return out;
    }

    /**
     * A loss, a softplus layer's forward and backward and an Adam step on {@code rows x cols}, all
     * of which use scratch; returns everything they wrote, with the loss last.
     */
    private float[] kernelsUsingScratch(int rows, int cols) {
        Tensor z = tensor(rows, cols, -30, 30, rows);
        Tensor out = backend.create(rows, cols);
        backend.biasActivation(z, tensor(1, cols, -1, 1, cols), ActivationKind.SOFTPLUS, 0f, out);
        Tensor gradient = backend.create(rows, cols);
        double loss = backend.loss(LossKind.BCE_WITH_LOGITS, z, tensor(rows, cols, 0, 1, 7), gradient);
        backend.activationBackward(ActivationKind.SOFTPLUS, 0f, z, out, gradient);
        Tensor p = tensor(rows, cols, -1, 1, 8);
        Tensor m = backend.create(rows, cols);
        Tensor v = backend.create(rows, cols);
        backend.adamUpdate(p, gradient, m, v, 1e-3f, 0.9f, 0.999f, 1e-7f, 0.004f);
        List<float[]> parts = List.of(values(out), values(gradient), values(p), values(m), values(v));
        float[] all = new float[5 * rows * cols + 1];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        all[offset] = (float) loss;
        return all;
    }

    @Test
    void scratchServesShapesThatGrowAndShrink() {
        int[][] shapes = {{3, 4}, {40, 70}, {2, 5}, {70, 40}, {3, 4}};
        float[][] first = new float[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            first[i] = kernelsUsingScratch(shapes[i][0], shapes[i][1]);
        }
        for (int i = shapes.length - 1; i >= 0; i--) {
            assertArrayEquals(first[i], kernelsUsingScratch(shapes[i][0], shapes[i][1]), "shape " + i);
        }
    }

    @Test
    void kernelsWithScratchRunOnSeveralThreadsAtOnce() throws Exception {
        int[][] shapes = {{31, 17}, {8, 64}, {100, 3}, {1, 1}};
        float[][] expected = new float[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            expected[i] = kernelsUsingScratch(shapes[i][0], shapes[i][1]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                Callable<Boolean> task = () -> {
                    for (int round = 0; round < 20; round++) {
                        int i = (round + offset) % shapes.length;
                        if (!java.util.Arrays.equals(expected[i], kernelsUsingScratch(shapes[i][0], shapes[i][1]))) {
                            return false;
                        }
                    }
                    return true;
                };
                results.add(pool.submit(task));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(120, TimeUnit.SECONDS), "a concurrent run differed from the sequential one");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNanProbabilityMakesTheCrossEntropyNanAsInTheReference() {
        // ND4J's clamps map NaN to a bound; the divergence guard relies on the NaN loss.
        Tensor prediction = backend.create(1, 3);
        backend.write(new float[] {0.5f, Float.NaN, 0.2f}, 0, prediction);
        Tensor target = backend.create(1, 3);
        backend.write(new float[] {1, 0, 0}, 0, target);
        assertTrue(Double.isNaN(backend.loss(LossKind.BCE, prediction, target, backend.create(1, 3))));
    }

    @Test
    void infiniteProbabilitiesAreClampedAsInTheReference() {
        Tensor prediction = backend.create(1, 2);
        backend.write(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, 0, prediction);
        Tensor target = backend.create(1, 2);
        backend.write(new float[] {0, 1}, 0, target);
        double loss = backend.loss(LossKind.BCE, prediction, target, backend.create(1, 2));
        // p = 1 - 1e-7 with t = 0, and p = 1e-7 with t = 1, clamped in float64.
        double expected = (-Math.log(1 - (1 - 1e-7)) - Math.log(1e-7)) / 2;
        assertEquals(expected, loss, 1e-12 * expected);
    }

    @Test
    void aLossGradientThatIsAnInputIsRefused() {
        Tensor a = backend.create(2, 2);
        Tensor b = backend.create(2, 2);
        assertThrows(IllegalArgumentException.class, () -> backend.loss(LossKind.BCE, a, b, a));
        assertThrows(IllegalArgumentException.class, () -> backend.loss(LossKind.MSE, a, b, b));
    }

    @Test
    void noiseKernelsLeaveNd4jsOwnGeneratorAlone() {
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(42);
        long expected = org.nd4j.linalg.factory.Nd4j.getRandom().nextLong();
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(42);
        backend.randomNormal(backend.create(10, 10), 7);
        backend.randomMask(backend.create(10, 10), 8, 0.5f, 2f);
        assertEquals(expected, org.nd4j.linalg.factory.Nd4j.getRandom().nextLong(),
                "a user's ND4J draws on this thread are not reseeded by training noise");
    }
}
