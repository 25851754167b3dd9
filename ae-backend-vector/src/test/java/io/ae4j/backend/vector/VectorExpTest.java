package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The backend's own exponential and the activations built on it: within an ulp or three of a
 * float64 reference over a sweep of inputs, and the same bits whether the JIT has compiled the
 * loops or not, at any vector width.
 */
class VectorExpTest {

    /** A multiple of every vector length, so that the vector loops cover every input. */
    private static final int SWEEP = 1 << 16;
    /** A shorter sweep for the child JVMs, since interpreting the Vector API is slow. */
    private static final int CHILD_SWEEP = 1 << 12;

    /**
     * Inputs from -120 to 120, denser near 0, with zeros, infinities and NaN at the front.
     *
     * @param count a multiple of every vector length
     */
    static float[] inputs(int count) {
        float[] z = new float[count];
        float[] special = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE,
            -Float.MIN_VALUE, 1e-30f, -1e-30f, 0.625f, -0.625f, Math.nextDown(0.625f), 87.5f, -103.9f};
        System.arraycopy(special, 0, z, 0, special.length);
        for (int i = special.length; i < count; i++) {
            double u = 2.0 * i / count - 1;   // in (-1, 1)
            z[i] = (float) (120 * u * u * u);
        }
        return z;
    }

    /** exp(-|z|), exp(-2|z|), then sigmoid, tanh, softplus and softplus' derivative, each over the inputs. */
    static float[][] results(float[] z) {
        float[][] out = new float[6][z.length];
        VectorExp.ofMinusAbs(z, 0, 1f, out[0], 0, z.length);
        VectorExp.ofMinusAbs(z, 0, 2f, out[1], 0, z.length);
        VectorActivation.SIGMOID.forward(0f, z, out[2], 0, z.length);
        VectorActivation.TANH.forward(0f, z, out[3], 0, z.length);
        VectorActivation.SOFTPLUS.forward(0f, z, out[4], 0, z.length);
        Arrays.fill(out[5], 1f);
        VectorActivation.SOFTPLUS.backward(0f, z, out[4], out[5], 0, z.length);
        return out;
    }

    /**
     * An input in a tail shorter than a vector gets the bits it gets inside a vector. Where a
     * row's tail begins depends on the vector width, so otherwise a model's bits would too.
     */
    @Test
    void anInputInATailGetsTheBitsItGetsInAVector() {
        float[] z = inputs(SWEEP);
        float[][] out = results(z);
        VectorActivation[] activations = {VectorActivation.SIGMOID, VectorActivation.TANH, VectorActivation.SOFTPLUS};
        float[] output = new float[1];
        float[] gradient = new float[1];
        for (int i = 0; i < z.length; i += 7) {
            float[] one = {z[i]};
            for (int a = 0; a < activations.length; a++) {
                activations[a].forward(0f, one, output, 0, 1);
                assertEquals(Float.floatToIntBits(out[2 + a][i]), Float.floatToIntBits(output[0]),
                        activations[a] + " of " + z[i] + " alone against inside a vector");
            }
            gradient[0] = 1f;
            VectorActivation.SOFTPLUS.backward(0f, one, output, gradient, 0, 1);
            assertEquals(Float.floatToIntBits(out[5][i]), Float.floatToIntBits(gradient[0]),
                    "softplus' of " + z[i] + " alone against inside a vector");
        }
    }

    @Test
    void exponentialIsWithinAnUlpOfMathExp() {
        float[] z = inputs(SWEEP);
        float[][] out = results(z);
        assertWithinUlps(z, out[0], x -> Math.exp(-Math.abs(x)), 1, "exp(-|z|)");
        assertWithinUlps(z, out[1], x -> Math.exp(-2 * Math.abs(x)), 1, "exp(-2|z|)");
        assertEquals(0f, out[0][2], "exp(-inf)");
        assertTrue(Float.isNaN(out[0][4]), "exp(NaN)");
    }

    @Test
    void activationsAreWithinAFewUlpsOfTheFloat64Reference() {
        float[] z = inputs(SWEEP);
        float[][] out = results(z);
        assertWithinUlps(z, out[2], VectorExpTest::sigmoid, 2, "sigmoid");
        assertWithinUlps(z, out[3], Math::tanh, 3, "tanh");
        assertWithinUlps(z, out[4], x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), 3, "softplus");
        assertWithinUlps(z, out[5], VectorExpTest::sigmoid, 2, "softplus'");
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(out[3][1]), "tanh(-0) is -0");
    }

    /**
     * The JIT compiles these loops after a few thousand calls; a child JVM that only interprets
     * them, and one that uses 128-bit vectors, must give the bits this one gives compiled.
     */
    @Test
    void interpretedCompiledAndNarrowerVectorsGiveTheSameBits() throws IOException, InterruptedException {
        float[] z = inputs(CHILD_SWEEP);
        for (int i = 0; i < 2_000; i++) {
            results(Arrays.copyOf(z, 1024));
        }
        String here = fingerprint(results(z));
        assertEquals(here, child("-Xint"), "interpreted");
        assertEquals(here, child("-D" + VectorLanes.BITS_PROPERTY + "=128"), "128-bit vectors");
    }

    /** One hash per result array, in order. */
    static String fingerprint(float[][] results) {
        List<String> hashes = new ArrayList<>();
        for (float[] result : results) {
            hashes.add(Integer.toHexString(Arrays.hashCode(result)));
        }
        return String.join(" ", hashes);
    }

    /** Prints the fingerprint of this sweep's results, for a child JVM. */
    public static void main(String[] args) {
        System.out.println(fingerprint(results(inputs(CHILD_SWEEP))));
    }

    private static String child(String option) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ChildJvm.command(VectorExpTest.class, List.of(option)))
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes()).replaceAll("WARNING: Using incubator modules.*\\R", "").trim();
        assertEquals(0, process.waitFor(), "the child JVM (" + option + ") failed: " + printed);
        return printed;
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    private static void assertWithinUlps(float[] z, float[] actual, DoubleUnaryOperator reference, int ulps, String what) {
        for (int i = 0; i < z.length; i++) {
            float expected = (float) reference.applyAsDouble(z[i]);
            if (Float.isNaN(expected)) {
                assertTrue(Float.isNaN(actual[i]), what + " of NaN is NaN");
                continue;
            }
            // Counted in steps between adjacent floats of one sign, which also counts subnormals.
            long distance = Math.abs((long) Float.floatToIntBits(Math.abs(expected)) - Float.floatToIntBits(Math.abs(actual[i])));
            if (distance > ulps || Math.signum(expected) * Math.signum(actual[i]) < 0) {
                assertArrayEquals(new float[] {expected}, new float[] {actual[i]},
                        what + " of " + z[i] + " (input " + i + ") is " + distance + " ulps off, more than " + ulps);
            }
        }
    }
}
