package io.ae4j.spark;

import java.util.SplittableRandom;

/** Rows with low-dimensional structure, as autoencoders meet in practice: sigmoids of a few latent factors, plus noise. */
final class Synthetic {

    private Synthetic() {
    }

    static float[][] rows(int rows, int cols, int factors, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] mixing = new float[factors][cols];
        for (float[] m : mixing) {
            for (int c = 0; c < cols; c++) {
                m[c] = (float) random.nextGaussian();
            }
        }
        float[][] data = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            double[] z = new double[factors];
            for (int f = 0; f < factors; f++) {
                z[f] = random.nextGaussian();
            }
            for (int c = 0; c < cols; c++) {
                double x = 0.05 * random.nextGaussian();
                for (int f = 0; f < factors; f++) {
                    x += z[f] * mixing[f][c];
                }
                data[r][c] = (float) (1 / (1 + Math.exp(-x)));
            }
        }
        return data;
    }
}
