package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.Test;

/** IDX images through the packaged {@code ae.jar}: every variant, their pictures, and the PCA baseline. */
class ImageTrainingIT extends PackagedAe {

    /** 200 gzipped IDX images of 4 x 4 pixels: a bright square that moves, what an IDX file of digits looks like. */
    private Path squares() throws IOException {
        Path images = dir.resolve("images-idx3-ubyte.gz");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x803);
            out.writeInt(200);
            out.writeInt(4);
            out.writeInt(4);
            for (int i = 0; i < 200; i++) {
                for (int p = 0; p < 16; p++) {
                    out.writeByte(squarePixel(i, p));
                }
            }
        }
        return images;
    }

    /** Pixel {@code p} of image {@code i} of {@link #squares}, 0 to 255: lit in the square, a shade of grey around it. */
    private static int squarePixel(int i, int p) {
        int row = p / 4;
        int col = p % 4;
        boolean lit = row >= i % 3 && row < i % 3 + 2 && col >= i % 2 && col < i % 2 + 2;
        return lit ? 255 : 10 * (i % 5);
    }

    @Test
    void eachVariantTrainsFromTheCommandLineWithItsPictures() throws Exception {
        Path images = squares();
        Run denoising = ae("train", "--data", images.toString(), "--layers", "16,8,4", "--output", "sigmoid",
                "--epochs", "20", "--batch", "20", "--seed", "3", "--variant", "denoising", "--noise", "0.2", "--tied",
                "--out", "dae.ae4j", "--plots", "dae-plots", "--test", images.toString());
        assertEquals(0, denoising.exitCode(), denoising.toString());
        assertTrue(denoising.out().contains("GaussianNoise(0.2)") && denoising.out().contains("TiedDense(8, relu)"),
                denoising.toString());
        assertTrue(denoising.out().contains("inputs corrupted by --noise 0.2: noisy "), denoising.toString());
        BufferedImage rows = ImageIO.read(dir.resolve("dae-plots/denoising.png").toFile());
        assertEquals(3 * (4 * ImageGrid.SCALE + 4) + 4, rows.getHeight(), "noisy, denoised and clean rows");

        Run vae = ae("train", "--data", images.toString(), "--layers", "16,8,2", "--output", "sigmoid", "--loss", "bce",
                "--epochs", "20", "--batch", "20", "--seed", "3", "--variant", "vae", "--beta", "0.5",
                "--dropout", "0.1", "--out", "vae.ae4j", "--plots", "vae-plots");
        assertEquals(0, vae.exitCode(), vae.toString());
        assertTrue(vae.out().contains("VariationalLatent(beta=0.5)") && vae.out().contains("Dropout(0.1)"), vae.toString());
        BufferedImage samples = ImageIO.read(dir.resolve("vae-plots/samples.png").toFile());
        assertEquals(3 * (4 * ImageGrid.SCALE + 4) + 4, samples.getHeight(), "three rows of draws from the prior");
        Run generate = ae("generate", "4", "--model", "vae.ae4j", "--out", "drawn.csv");
        assertEquals(0, generate.exitCode(), generate.toString());
        List<String> drawn = Files.readAllLines(dir.resolve("drawn.csv"));
        assertEquals(5, drawn.size(), "a header and 4 samples");
        assertEquals("value1", drawn.get(0).split(",")[0]);
        double[] pixelSums = new double[4];
        for (int r = 1; r <= 4; r++) {
            String[] cells = drawn.get(r).split(",");
            assertEquals(16, cells.length, "one value per pixel of the 4 x 4 images");
            for (String cell : cells) {
                float value = Float.parseFloat(cell);
                assertTrue(value >= 0 && value <= 1, "a sigmoid output is a pixel in [0, 1]: " + value);
                pixelSums[r - 1] += value;
            }
        }
        // Trained on squares of 4 lit pixels on a darker ground, draws are not blank nor all lit.
        for (double sum : pixelSums) {
            assertTrue(sum > 1 && sum < 15, "the pixels of a draw sum to " + sum);
        }

        Run sparse = ae("train", "--data", images.toString(), "--layers", "16,8", "--epochs", "5", "--seed", "3",
                "--variant", "sparse", "--sparsity", "kl:0.1:2", "--weight-decay", "1e-4", "--out", "sparse.ae4j");
        assertEquals(0, sparse.exitCode(), sparse.toString());
        assertTrue(sparse.out().contains("KlSparsity(rho=0.1, beta=2.0)") && sparse.out().contains("optimizer adamw"),
                sparse.toString());

        Run badRate = ae("train", "--data", images.toString(), "--layers", "16,8,4", "--dropout", "1", "--out", "x.ae4j");
        assertTrue(badRate.exitCode() != 0 && badRate.err().contains("ae train: --dropout must be in [0, 1), got 1.0"),
                badRate.toString());
        Run badKind = ae("train", "--data", images.toString(), "--layers", "16,8", "--variant", "tied", "--out", "x.ae4j");
        assertTrue(badKind.exitCode() != 0 && badKind.err().contains("--variant must be plain, denoising, sparse or vae"),
                badKind.toString());
        Run ignored = ae("train", "--data", images.toString(), "--layers", "16,8", "--sparsity", "l1:0.1", "--out", "x.ae4j");
        assertTrue(ignored.exitCode() != 0 && ignored.err().contains("--sparsity applies to --variant sparse"),
                ignored.toString());
        Run tiedVae = ae("train", "--data", images.toString(), "--layers", "16,8,2", "--variant", "vae", "--tied",
                "--out", "x.ae4j");
        assertTrue(tiedVae.exitCode() != 0 && tiedVae.err().contains("--tied cannot go with --variant vae"),
                tiedVae.toString());
        assertFalse(Files.exists(dir.resolve("x.ae4j")), "nothing is written for a refused model");
    }

    /** The pixels of {@link #squares}, as ae reads them (byte / 255): 200 rows of 16. */
    private static float[][] squarePixels() {
        float[][] pixels = new float[200][16];
        for (int i = 0; i < 200; i++) {
            for (int p = 0; p < 16; p++) {
                pixels[i][p] = squarePixel(i, p) / 255f;
            }
        }
        return pixels;
    }

    /**
     * PCA's mean squared error per value of {@code rows} rebuilt from their top {@code k}
     * components, computed apart from ae's PCA: from the singular values of the centred rows, the
     * squares of those past the k-th summing to the squared error.
     */
    private static double pcaError(float[][] rows, int k) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) rows.length;
            }
        }
        DMatrixRMaj centred = new DMatrixRMaj(rows.length, d);
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < d; j++) {
                centred.set(r, j, rows[r][j] - mean[j]);
            }
        }
        double[] singular = SingularOps_DDRM.singularValues(centred);
        Arrays.sort(singular);
        double rest = 0;
        for (int i = 0; i < singular.length - k; i++) {
            rest += singular[i] * singular[i];
        }
        return rest / ((double) rows.length * d);
    }

    private static double printedPca(String out, int components) {
        Matcher m = Pattern.compile("PCA with " + components + " components: ([0-9.]+)")
                .matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainsOnGzippedIdxImagesAndReportsThePcaBaseline() throws Exception {
        Path images = squares();
        // The same images uncompressed, as test data: IDX is read compressed or not.
        Path plain = dir.resolve("images-idx3-ubyte");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(images))) {
            Files.copy(in, plain);
        }
        Run run = ae("train", "--data", images.toString(), "--layers", "16,8,4", "--output", "sigmoid", "--epochs", "30",
                "--batch", "20", "--seed", "3", "--test", plain.toString(), "--baseline", "pca", "--out", "img.ae4j",
                "--plots", "img-plots");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("mean squared error per value on images-idx3-ubyte (200 rows): autoencoder"),
                run.toString());
        assertEquals(pcaError(squarePixels(), 4), printedPca(run.out(), 4), 2e-6,
                "PCA's error on the images it was fitted on: the variance beyond the top 4 singular values\n" + run);
        BufferedImage grid = ImageIO.read(dir.resolve("img-plots/reconstructions.png").toFile());
        assertEquals(2 * (4 * ImageGrid.SCALE + 4) + 4, grid.getHeight(), "images above their reconstructions");

        Run generate = ae("generate", "6", "--model", "img.ae4j", "--out", "new.csv", "--image", "4x4");
        assertEquals(0, generate.exitCode(), generate.toString());
        BufferedImage samples = ImageIO.read(dir.resolve("new.csv.png").toFile());
        assertEquals(6 * (4 * ImageGrid.SCALE + 4) + 4, samples.getWidth(), "six generated images in a row");
    }
}
