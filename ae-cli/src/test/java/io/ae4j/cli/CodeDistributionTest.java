package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.spi.Backends;
import io.ae4j.train.FitConfig;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeDistributionTest {

    @TempDir
    Path dir;

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
        Autoencoder ae = Autoencoder.builder().inputSize(4)
                .encoder(Dense.of(2, Activation.TANH)).decoder(Dense.of(4, Activation.LINEAR))
                .seed(2).backend(Backends.get("naive")).build();
        ae.fit(data, FitConfig.builder().epochs(20).batchSize(20).build());
        FloatMatrix codes = ae.encode(data);

        CodeDistribution fitted = CodeDistribution.fit(ae, data);
        FloatMatrix drawn = fitted.sample(20_000, 9);
        double[] codeMean = mean(codes);
        double[] drawnMean = mean(drawn);
        for (int j = 0; j < 2; j++) {
            double spread = Math.sqrt(covariance(codes, codeMean, j, j));
            assertEquals(codeMean[j], drawnMean[j], 0.05 * spread + 1e-6, "mean of dimension " + j);
        }
        double codeCorrelation = covariance(codes, codeMean, 0, 1);
        double drawnCorrelation = covariance(drawn, drawnMean, 0, 1);
        assertEquals(Math.signum(codeCorrelation), Math.signum(drawnCorrelation), "the codes' correlation is kept");
        assertEquals(codeCorrelation, drawnCorrelation, 0.15 * Math.abs(codeCorrelation) + 1e-6);
        for (int r = 0; r < drawn.rows(); r++) {
            for (int j = 0; j < 2; j++) {
                assertTrue(drawn.get(r, j) >= min(codes, j) && drawn.get(r, j) <= max(codes, j), "clipped to range");
            }
        }

        Path file = dir.resolve("m.ae4j");
        ae.save(file);
        Autoencoder loaded = Autoencoder.load(file, Backends.get("naive"));
        assertArrayEquals(fitted.sample(10, 3).data(), CodeDistribution.of(loaded, file).sample(10, 3).data(),
                "the distribution travels in the model file");
    }

    @Test
    void aMissingOrDamagedDistributionIsRefusedNamingTheModelFile() {
        Autoencoder ae = Autoencoder.builder().inputSize(3).encoder(Dense.of(2, Activation.TANH))
                .decoder(Dense.of(3, Activation.LINEAR)).seed(2).backend(Backends.get("naive")).build();
        Path file = dir.resolve("m.ae4j");
        assertEquals(file + " keeps no code distribution (it was not trained by ae train); retrain it with ae train",
                assertThrows(IllegalArgumentException.class, () -> CodeDistribution.of(ae, file)).getMessage());
        ae.putMetadata(CodeDistribution.KEY, "0.1,0.2;1,0,0,1;-1,-1");
        assertEquals(file + " keeps a damaged code distribution (codes.distribution): it has 3 parts instead of 4;"
                + " retrain the model with ae train",
                assertThrows(IllegalArgumentException.class, () -> CodeDistribution.of(ae, file)).getMessage());
        ae.putMetadata(CodeDistribution.KEY, "0.1,x;1,0,0,1;-1,-1;1,1");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CodeDistribution.of(ae, file)).getMessage()
                .startsWith(file + " keeps a damaged code distribution (codes.distribution): "));
        ae.putMetadata(CodeDistribution.KEY, "0.1;1;-1;1");
        assertEquals(file + " keeps a damaged code distribution (codes.distribution): it does not hold 2 means, 2 x 2"
                + " covariances, 2 minima and 2 maxima; retrain the model with ae train",
                assertThrows(IllegalArgumentException.class, () -> CodeDistribution.of(ae, file)).getMessage());
    }

    @Test
    void moreSamplesThanOneMatrixHoldsAreRefusedWithTheLimit() {
        Autoencoder ae = Autoencoder.builder().inputSize(3).encoder(Dense.of(2, Activation.TANH))
                .decoder(Dense.of(3, Activation.LINEAR)).seed(2).backend(Backends.get("naive")).build();
        CodeDistribution fitted = CodeDistribution.fit(ae, new FloatMatrix(new float[] {1, 2, 3, 3, 1, 2, 2, 3, 1}, 3, 3));
        String limit = "the number of samples must be from 1 to " + (Integer.MAX_VALUE - 8) / 2
                + " (that many codes of 2 values fill one matrix), got ";
        assertEquals(limit + "1500000000", assertThrows(IllegalArgumentException.class,
                () -> fitted.sample(1_500_000_000, 1)).getMessage());
        assertEquals(limit + "0", assertThrows(IllegalArgumentException.class, () -> fitted.sample(0, 1)).getMessage());
        assertEquals(7, fitted.sample(7, 1).rows());
    }

    private static double[] mean(FloatMatrix m) {
        double[] mean = new double[m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            for (int j = 0; j < m.cols(); j++) {
                mean[j] += m.get(r, j) / (double) m.rows();
            }
        }
        return mean;
    }

    private static double covariance(FloatMatrix m, double[] mean, int a, int b) {
        double sum = 0;
        for (int r = 0; r < m.rows(); r++) {
            sum += (m.get(r, a) - mean[a]) * (m.get(r, b) - mean[b]);
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
