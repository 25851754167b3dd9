package io.ae4j.tck;

import static io.ae4j.tck.KitArrays.assertClose;
import static io.ae4j.tck.KitArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kernels of the autoencoder variants against float64 references: noise, masks, the L1 and
 * KL-divergence sparsity penalties and the variational code's sampling and KL term. Random
 * kernels are checked for their distribution and for repeating under a seed.
 */
abstract class VariantKernelConformanceTest {

    private Backend backend;

    /** The backend under test. */
    protected abstract Backend backend();

    @BeforeEach
    void setUp() {
        backend = backend();
    }

    private Tensor tensor(float[] values, int rows, int cols) {
        Tensor t = backend.create(rows, cols);
        backend.write(values, 0, t);
        return t;
    }

    private float[] values(Tensor t) {
        float[] out = new float[t.size()];
        backend.read(t, out, 0);
        return out;
    }

    @Test
    void multiplySumOfAbsAndAddSign() {
        float[] a = uniform(1234, -3, 3, 1);
        float[] b = uniform(1234, -3, 3, 2);
        a[7] = 0;
        Tensor ta = tensor(a, 2, 617);
        Tensor tb = tensor(b, 2, 617);
        double abs = 0;
        double[] signed = new double[b.length];
        double[] product = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            abs += Math.abs(a[i]);
            signed[i] = b[i] + 0.25 * Math.signum(a[i]);
            product[i] = (double) a[i] * b[i];
        }
        assertEquals(abs, backend.sumOfAbs(ta), 1e-9 * abs, "sumOfAbs");
        backend.addSign(0.25f, ta, tb);
        assertClose("addSign (sign(0) = 0 at element 7)", signed, values(tb), 1e-6, 1e-6);
        backend.write(b, 0, tb);
        backend.multiply(ta, tb);
        assertClose("multiply", product, values(ta), 1e-6, 0);
        assertThrows(IllegalArgumentException.class, () -> backend.multiply(ta, backend.create(617, 2)));
    }

    @Test
    void randomNormalHasTheMomentsOfAStandardNormalAndRepeatsUnderItsSeed() {
        Tensor t = backend.create(200, 500);
        backend.randomNormal(t, 42);
        float[] first = values(t);
        double sum = 0;
        double squares = 0;
        int beyondTwo = 0;
        for (float v : first) {
            assertTrue(Float.isFinite(v));
            sum += v;
            squares += (double) v * v;
            beyondTwo += Math.abs(v) > 2 ? 1 : 0;
        }
        int n = first.length;
        // Standard errors for 100,000 draws: mean 0.0032, variance 0.0045, tail share 0.0005.
        assertEquals(0, sum / n, 0.015, "mean");
        assertEquals(1, squares / n - (sum / n) * (sum / n), 0.02, "variance");
        assertEquals(0.0455, (double) beyondTwo / n, 0.003, "share beyond two standard deviations");
        backend.randomNormal(t, 42);
        assertArrayEquals(first, values(t), "the same seed, the same draw");
        backend.randomNormal(t, 43);
        assertFalse(Arrays.equals(first, values(t)), "another seed, another draw");
    }

    @Test
    void randomMaskKeepsTheAskedShareAndScales() {
        Tensor t = backend.create(300, 300);
        backend.randomMask(t, 7, 0.7f, 2.5f);
        float[] mask = values(t);
        int kept = 0;
        for (float v : mask) {
            assertTrue(v == 0f || v == 2.5f, "mask values are 0 or the scale, got " + v);
            kept += v != 0 ? 1 : 0;
        }
        assertEquals(0.7, (double) kept / mask.length, 0.01, "kept share (standard error 0.0015)");
        backend.randomMask(t, 7, 0.7f, 2.5f);
        assertArrayEquals(mask, values(t));
    }

    @Test
    void sparsityKlAndItsGradientMatchFloat64() {
        int rows = 37;
        int k = 9;
        float[] a = uniform(rows * k, 0.01, 0.6, 3);
        float[] g = uniform(rows * k, -1, 1, 4);
        double rho = 0.05;
        double[] mean = new double[k];
        for (int i = 0; i < a.length; i++) {
            mean[i % k] += a[i] / (double) rows;
        }
        double kl = 0;
        double[] expected = new double[g.length];
        for (int j = 0; j < k; j++) {
            kl += rho * Math.log(rho / mean[j]) + (1 - rho) * Math.log((1 - rho) / (1 - mean[j]));
        }
        for (int i = 0; i < g.length; i++) {
            double m = mean[i % k];
            expected[i] = g[i] + 0.3 / rows * ((1 - rho) / (1 - m) - rho / m);
        }
        Tensor means = backend.create(1, k);
        Tensor tg = tensor(g, rows, k);
        assertEquals(kl, backend.sparsityKl(tensor(a, rows, k), (float) rho, means), 1e-5 * kl, "KL sum");
        assertClose("column means", mean, values(means), 1e-5, 1e-7);
        backend.sparsityKlBackward(means, (float) rho, 0.3f, tg);
        assertClose("KL gradient", expected, values(tg), 1e-4, 1e-5);
        assertThrows(IllegalArgumentException.class, () -> backend.sparsityKl(tensor(a, rows, k), 0.05f, backend.create(1, k + 1)));
    }

    @Test
    void gaussianSampleKlAndBackwardMatchFloat64() {
        int rows = 23;
        int k = 5;
        float[] meanLogVar = uniform(rows * 2 * k, -2, 2, 5);
        float[] noise = uniform(rows * k, -2, 2, 6);
        float[] gradZ = uniform(rows * k, -1, 1, 7);
        double[] z = new double[rows * k];
        double[] grad = new double[rows * 2 * k];
        double kl = 0;
        double w = 0.4;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                double mu = meanLogVar[r * 2 * k + j];
                double logVar = meanLogVar[r * 2 * k + k + j];
                double e = noise[r * k + j];
                double gz = gradZ[r * k + j];
                z[r * k + j] = mu + Math.exp(logVar / 2) * e;
                kl += -0.5 * (1 + logVar - mu * mu - Math.exp(logVar));
                grad[r * 2 * k + j] = gz + w * mu;
                grad[r * 2 * k + k + j] = gz * e * Math.exp(logVar / 2) / 2 + w * (Math.exp(logVar) - 1) / 2;
            }
        }
        Tensor tml = tensor(meanLogVar, rows, 2 * k);
        Tensor tn = tensor(noise, rows, k);
        Tensor tz = backend.create(rows, k);
        backend.gaussianSample(tml, tn, tz);
        assertClose("z", z, values(tz), 1e-5, 1e-6);
        assertEquals(kl, backend.gaussianKl(tml), 1e-6 * Math.abs(kl), "KL");
        Tensor tg = backend.create(rows, 2 * k);
        backend.gaussianSampleBackward(tml, tn, tensor(gradZ, rows, k), (float) w, tg);
        assertClose("gradient", grad, values(tg), 1e-5, 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> backend.gaussianSample(tml, tn, backend.create(rows, k + 1)));
        assertTrue(e.getMessage().contains("gaussianSample"), e.getMessage());
    }
}
