package io.ae4j.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.train.FitConfig;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeDistributionTest {

    @TempDir
    Path dir;

    @Test
    void mahalanobisDistanceMatchesTheInverseCovarianceWorkedByHand() {
        // Codes (0, 0), (2, 0), (0, 2), (2, 2), (1, 1) x 2, (3, 1): mean and covariance by hand below.
        float[] values = {0, 0, 2, 0, 0, 2, 2, 2, 1, 1, 1, 1, 3, 1};
        FloatMatrix codes = new FloatMatrix(values, 7, 2);
        CodeDistribution fitted = CodeDistribution.fit(codes);
        double mx = 9 / 7.0;
        double my = 1;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int r = 0; r < 7; r++) {
            sxx += (values[2 * r] - mx) * (values[2 * r] - mx) / 7;
            sxy += (values[2 * r] - mx) * (values[2 * r + 1] - my) / 7;
            syy += (values[2 * r + 1] - my) * (values[2 * r + 1] - my) / 7;
        }
        // The factorisation adds a ridge of 1e-9 + 1e-6 * max|c_ij| to the diagonal.
        double ridge = 1e-9 + 1e-6 * Math.max(sxx, Math.max(Math.abs(sxy), syy));
        sxx += ridge;
        syy += ridge;
        double det = sxx * syy - sxy * sxy;
        double[][] points = {{5, -1}, {1, 1}, {mx, my}};
        double[] distances = fitted.mahalanobis(new FloatMatrix(new float[] {5, -1, 1, 1, (float) mx, 1}, 3, 2));
        for (int i = 0; i < 2; i++) {
            double dx = points[i][0] - mx;
            double dy = points[i][1] - my;
            double expected = Math.sqrt((syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det);
            assertEquals(expected, distances[i], 1e-12 * expected, "point " + i);
        }
        assertEquals(0, distances[2], 1e-6, "the mean is at distance 0 (to float rounding of its x)");
    }

    @Test
    void samplesMatchTheCodesMeanAndCorrelationStayInRangeAndSurviveSaving() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        float[] values = new float[400 * 4];
        for (int r = 0; r < 400; r++) {
            double u = random.nextDouble();
            values[r * 4] = (float) u;
            values[r * 4 + 1] = (float) (1 - u);
            values[r * 4 + 2] = (float) random.nextDouble();
            values[r * 4 + 3] = (float) (u * 0.5);
        }
        FloatMatrix data = new FloatMatrix(values, 400, 4);
        Autoencoder ae = model(4);
        ae.fit(data, FitConfig.builder().epochs(20).batchSize(20).build());
        FloatMatrix codes = ae.encode(data);

        CodeDistribution fitted = CodeDistribution.fit(ae, data);
        FloatMatrix drawn = fitted.sample(20_000, 9);
        for (int j = 0; j < 2; j++) {
            double spread = Math.sqrt(covariance(codes, j, j));
            assertEquals(mean(codes, j), mean(drawn, j), 0.05 * spread + 1e-6, "mean of dimension " + j);
            for (int r = 0; r < drawn.rows(); r++) {
                assertTrue(drawn.get(r, j) >= min(codes, j) && drawn.get(r, j) <= max(codes, j), "clipped to range");
            }
        }
        double codeCovariance = covariance(codes, 0, 1);
        assertEquals(codeCovariance, covariance(drawn, 0, 1), 0.15 * Math.abs(codeCovariance) + 1e-6,
                "the codes' correlation is kept");

        Path file = dir.resolve("m.ae4j");
        ae.save(file);
        Autoencoder loaded = Autoencoder.load(file, TestBackend.INSTANCE);
        assertArrayEquals(fitted.sample(10, 3).data(), CodeDistribution.of(loaded).orElseThrow().sample(10, 3).data(),
                "the distribution travels in the model file");
    }

    @Test
    void aMissingOrDamagedDistributionIsReportedAndTooManySamplesRefused() {
        Autoencoder ae = model(3);
        assertTrue(CodeDistribution.of(ae).isEmpty());
        ae.putMetadata(CodeDistribution.KEY, "0.1,0.2;1,0,0,1;-1,-1");
        assertEquals("the model keeps a damaged code distribution (codes.distribution): it has 3 parts instead of 4;"
                + " fit it again (ae train, or CodeDistribution.fit)",
                assertThrows(IllegalArgumentException.class, () -> CodeDistribution.of(ae)).getMessage());
        ae.putMetadata(CodeDistribution.KEY, "0.1;1;-1;1");
        assertEquals("the model keeps a damaged code distribution (codes.distribution): it does not hold 2 means, 2 x 2"
                + " covariances, 2 minima and 2 maxima; fit it again (ae train, or CodeDistribution.fit)",
                assertThrows(IllegalArgumentException.class, () -> CodeDistribution.of(ae)).getMessage());
        CodeDistribution fitted = CodeDistribution.fit(ae, new FloatMatrix(new float[] {1, 2, 3, 3, 1, 2, 2, 3, 1}, 3, 3));
        String limit = "the number of samples must be from 1 to " + (Integer.MAX_VALUE - 8) / 2
                + " (that many codes of 2 values fill one matrix), got ";
        assertEquals(limit + "1500000000", assertThrows(IllegalArgumentException.class,
                () -> fitted.sample(1_500_000_000, 1)).getMessage());
        assertEquals(limit + "0", assertThrows(IllegalArgumentException.class, () -> fitted.sample(0, 1)).getMessage());
    }

    private static Autoencoder model(int inputs) {
        return Autoencoder.builder().inputSize(inputs).encoder(Dense.of(2, Activation.TANH))
                .decoder(Dense.of(inputs, Activation.LINEAR)).seed(2).backend(TestBackend.INSTANCE).build();
    }

    private static double mean(FloatMatrix m, int j) {
        double sum = 0;
        for (int r = 0; r < m.rows(); r++) {
            sum += m.get(r, j);
        }
        return sum / m.rows();
    }

    private static double covariance(FloatMatrix m, int a, int b) {
        double ma = mean(m, a);
        double mb = mean(m, b);
        double sum = 0;
        for (int r = 0; r < m.rows(); r++) {
            sum += (m.get(r, a) - ma) * (m.get(r, b) - mb);
        }
        return sum / m.rows();
    }

    private static float min(FloatMatrix m, int j) {
        float v = Float.POSITIVE_INFINITY;
        for (int r = 0; r < m.rows(); r++) {
            v = Math.min(v, m.get(r, j));
        }
        return v;
    }

    private static float max(FloatMatrix m, int j) {
        float v = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < m.rows(); r++) {
            v = Math.max(v, m.get(r, j));
        }
        return v;
    }
}
