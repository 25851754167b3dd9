package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import io.ae4j.cli.PackagedAe.Run;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code ae.jar}, run as a user runs it: a fresh JVM, arguments, exit code, stdout and stderr. */
class AeCommandIT {

    @TempDir
    Path dir;

    private Run ae(String... args) throws IOException, InterruptedException {
        return PackagedAe.run(dir, args);
    }

    private Run aeWithHeap(String heap, String... args) throws IOException, InterruptedException {
        return PackagedAe.run(dir, heap, args);
    }

    @Test
    void backendsListsTheJarsBackendsWithTheirAvailability() throws Exception {
        Run run = ae("backends");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s)vector\\s+priority\\s+400\\s+available.*naive\\s+priority\\s+100\\s+available.*"),
                run.toString());
    }

    @Test
    void aMissingModelIsAOneLineUserError() throws Exception {
        Run run = ae("info", "--model", "nowhere.ae4j");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("nowhere.ae4j"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose\n" + run);
        assertEquals(1, run.err().strip().lines().filter(l -> !l.startsWith("WARNING")).count(), run.toString());
    }

    @Test
    void aFileThatIsNotAModelIsRefusedAndVerboseShowsWhere() throws Exception {
        Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        Run run = ae("info", "--model", "data.csv");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("data.csv"), run.toString());
        Run verbose = ae("info", "--model", "data.csv", "--verbose");
        assertEquals(1, verbose.exitCode(), verbose.toString());
        assertTrue(verbose.err().contains("\tat "), "a stack trace with --verbose\n" + verbose);
    }

    @Test
    void usageErrorsExitWithTwoAndShowTheUsage() throws Exception {
        Run missingOption = ae("info");
        assertEquals(2, missingOption.exitCode(), missingOption.toString());
        assertTrue(missingOption.err().contains("--model"), missingOption.toString());
        Run unknown = ae("frobnicate");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'frobnicate'"), unknown.toString());
    }

    /** 300 rows of 6 columns that lie near a 2-dimensional plane, and row 150 far off it. */
    private Path lowRankCsv() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        StringBuilder text = new StringBuilder("a,b,c,d,e,f\n");
        for (int r = 0; r < 300; r++) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            double[] row = {u, v, (u + v) / 2, u - v / 2 + 0.5, v * 0.8, 1 - u};
            if (r == 150) {
                row = new double[] {1, 0, 1, 0, 1, 0};
            }
            for (int c = 0; c < row.length; c++) {
                text.append(c == 0 ? "" : ",").append((float) (row[c] + 0.01 * random.nextDouble()));
            }
            text.append('\n');
        }
        return Files.writeString(dir.resolve("plane.csv"), text);
    }

    @Test
    void trainEncodeReconstructAndScoreACsvFile() throws Exception {
        lowRankCsv();
        Run train = ae("train", "--data", "plane.csv", "--layers", "6,4,2", "--activation", "tanh", "--epochs", "150",
                "--batch", "16", "--lr", "0.01", "--val-split", "0.1", "--seed", "7", "--scale", "standard", "--out", "plane.ae4j",
                "--plots", "plots");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(train.out().contains("saved plane.ae4j"), train.toString());
        // Off a terminal (stderr goes to a file here), one plain line per epoch and no progress bar frames.
        List<String> epochLines = train.err().lines().filter(l -> l.startsWith("epoch")).toList();
        assertEquals(150, epochLines.size(), train.toString());
        for (int e = 1; e <= 150; e++) {
            assertTrue(epochLines.get(e - 1).matches(String.format("epoch %3d/150: loss [0-9.]+, val [0-9.]+, [0-9,]+ samples/s", e)),
                    epochLines.get(e - 1));
        }
        assertFalse(train.err().contains("\r"), "no carriage returns off a terminal");
        assertNotNull(ImageIO.read(dir.resolve("plots/loss.png").toFile()), "the loss curve decodes");

        Run encode = ae("encode", "--model", "plane.ae4j", "--data", "plane.csv", "--out", "codes.csv");
        assertEquals(0, encode.exitCode(), encode.toString());
        List<String> codes = Files.readAllLines(dir.resolve("codes.csv"));
        assertEquals("code1,code2", codes.get(0));
        assertEquals(301, codes.size());

        Run reconstruct = ae("reconstruct", "--model", "plane.ae4j", "--data", "plane.csv", "--out", "again.csv");
        assertEquals(0, reconstruct.exitCode(), reconstruct.toString());
        List<String> again = Files.readAllLines(dir.resolve("again.csv"));
        assertEquals("a,b,c,d,e,f", again.get(0));
        // Trained on standardised columns, the model answers in the units of the data as read.
        List<String> original = Files.readAllLines(dir.resolve("plane.csv"));
        double difference = 0;
        for (int r = 1; r < original.size(); r++) {
            String[] in = original.get(r).split(",");
            String[] out = again.get(r).split(",");
            for (int c = 0; c < 6; c++) {
                difference += Math.abs(Float.parseFloat(in[c]) - Float.parseFloat(out[c])) / (300 * 6);
            }
        }
        assertTrue(difference < 0.05, "mean absolute reconstruction difference " + difference);

        assertTrue(train.out().contains("anomaly threshold: "), train.toString());
        Run score = ae("score", "--model", "plane.ae4j", "--data", "plane.csv", "--out", "scores.csv", "--per-feature",
                "--score", "reconstruction");
        assertEquals(0, score.exitCode(), score.toString());
        List<String> lines = Files.readAllLines(dir.resolve("scores.csv"));
        assertEquals("score,probability,anomaly,error_a,error_b,error_c,error_d,error_e,error_f", lines.get(0));
        int worst = 0;
        int flagged = 0;
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            if (Float.parseFloat(cells[0]) > Float.parseFloat(lines.get(worst + 1).split(",")[0])) {
                worst = r - 1;
            }
            flagged += Float.parseFloat(cells[2]) == 1f ? 1 : 0;
            double mean = 0;
            for (int c = 3; c < 9; c++) {
                mean += Float.parseFloat(cells[c]) / 6;
            }
            assertEquals(Float.parseFloat(cells[0]), mean, 1e-5 * mean + 1e-9, "row error is the mean of its fields'");
        }
        assertTrue(flagged >= 1 && flagged <= 6, "the 99th percentile of 270 training rows flags a few: " + flagged);
        assertEquals("1.0", lines.get(151).split(",")[2], "the row off the plane is flagged");

        Run generate = ae("generate", "5", "--model", "plane.ae4j", "--out", "new.csv");
        assertEquals(0, generate.exitCode(), generate.toString());
        List<String> generated = Files.readAllLines(dir.resolve("new.csv"));
        assertEquals(6, generated.size(), "a header and 5 samples");
        assertEquals(6, generated.get(1).split(",").length);
        assertEquals(150, worst, "the row off the plane scores highest");
    }

    @Test
    void badDataIsAOneLineErrorNamingWhere() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\n3,oops\n");
        Run run = ae("train", "--data", "bad.csv", "--layers", "2,1", "--out", "m.ae4j");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.csv line 3, column 2 (\"y\"): \"oops\" is not a number"), run.toString());
        assertFalse(Files.exists(dir.resolve("m.ae4j")), "nothing written");

        lowRankCsv();
        Run width = ae("train", "--data", "plane.csv", "--layers", "5,2", "--out", "m.ae4j");
        assertEquals(1, width.exitCode(), width.toString());
        assertTrue(width.err().contains("has 6 columns; start --layers with 6"), width.toString());
    }

    /** 200 gzipped IDX images of 4 x 4 pixels: a bright square that moves, what an IDX file of digits looks like. */
    private Path squares() throws IOException {
        Path images = dir.resolve("images-idx3-ubyte.gz");
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(
                new java.util.zip.GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x803);
            out.writeInt(200);
            out.writeInt(4);
            out.writeInt(4);
            for (int i = 0; i < 200; i++) {
                for (int p = 0; p < 16; p++) {
                    int row = p / 4;
                    int col = p % 4;
                    boolean lit = row >= i % 3 && row < i % 3 + 2 && col >= i % 2 && col < i % 2 + 2;
                    out.writeByte(lit ? 255 : 10 * (i % 5));
                }
            }
        }
        return images;
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
                int row = p / 4;
                int col = p % 4;
                boolean lit = row >= i % 3 && row < i % 3 + 2 && col >= i % 2 && col < i % 2 + 2;
                pixels[i][p] = (lit ? 255 : 10 * (i % 5)) / 255f;
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
        org.ejml.data.DMatrixRMaj centred = new org.ejml.data.DMatrixRMaj(rows.length, d);
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < d; j++) {
                centred.set(r, j, rows[r][j] - mean[j]);
            }
        }
        double[] singular = org.ejml.dense.row.SingularOps_DDRM.singularValues(centred);
        java.util.Arrays.sort(singular);
        double rest = 0;
        for (int i = 0; i < singular.length - k; i++) {
            rest += singular[i] * singular[i];
        }
        return rest / ((double) rows.length * d);
    }

    private static double printedPca(String out, int components) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PCA with " + components + " components: ([0-9.]+)")
                .matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainsOnGzippedIdxImagesAndReportsThePcaBaseline() throws Exception {
        Path images = squares();
        // The same images uncompressed, as test data: IDX is read compressed or not.
        Path plain = dir.resolve("images-idx3-ubyte");
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(images))) {
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

    @Test
    void chosenColumnsTrainAndALabelColumnColoursTheLatentMap() throws Exception {
        StringBuilder text = new StringBuilder("id,x,y,z,kind\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        String[] kinds = {"small", "medium", "large"};
        for (int r = 0; r < 120; r++) {
            double u = random.nextDouble();
            text.append(1000 + r).append(',').append((float) (u + r % 3)).append(',').append((float) (1 - u)).append(',')
                    .append((float) random.nextDouble()).append(',').append(kinds[r % 3]).append('\n');
        }
        Files.writeString(dir.resolve("kinds.csv"), text);
        Run run = ae("train", "--data", "kinds.csv", "--columns", "x,y,z", "--label-column", "kind", "--layers", "3,2",
                "--epochs", "5", "--seed", "1", "--out", "kinds.ae4j", "--plots", "plots");
        assertEquals(0, run.exitCode(), run.toString());
        BufferedImage map = ImageIO.read(dir.resolve("plots/latent.png").toFile());
        assertEquals(3, colourfulHues(map), "the points and legend of each of the 3 labels have a colour of their own");
        Run score = ae("score", "--model", "kinds.ae4j", "--data", "kinds.csv", "--columns", "x,y,z",
                "--label-column", "kind", "--out", "s.csv");
        assertEquals(0, score.exitCode(), score.toString());
        assertEquals(121, Files.readAllLines(dir.resolve("s.csv")).size());
        Run missing = ae("train", "--data", "kinds.csv", "--columns", "x,w", "--layers", "2,1", "--out", "m.ae4j");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("ae train: kinds.csv has no column \"w\"; its columns are id, x, y, z, kind"),
                missing.toString());
    }

    /**
     * How many hues a picture shows in quantity: its saturated pixels binned into twelfths of the
     * colour wheel, counting the bins that hold at least 100 pixels (antialiased edges blend a
     * colour with the grey around it but keep its hue).
     */
    private static int colourfulHues(BufferedImage image) {
        int[] bins = new int[12];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                java.awt.Color c = new java.awt.Color(image.getRGB(x, y));
                float[] hsb = java.awt.Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
                if (hsb[1] > 0.4f && hsb[2] > 0.4f) {
                    bins[Math.round(hsb[0] * 12) % 12]++;
                }
            }
        }
        return (int) java.util.Arrays.stream(bins).filter(n -> n >= 100).count();
    }

    /** Runs ae, expects it to refuse with exit code 1 and exactly {@code message} on stderr's last line, and no bug note. */
    private Run refused(String message, String... args) throws IOException, InterruptedException {
        Run run = ae(args);
        assertEquals(1, run.exitCode(), run.toString());
        List<String> lines = run.err().strip().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(List.of(message), lines, run.toString());
        return run;
    }

    /** A model of plane.csv, trained for one epoch: enough to check what the commands refuse. */
    private void planeModel() throws IOException, InterruptedException {
        lowRankCsv();
        Run train = ae("train", "--data", "plane.csv", "--layers", "6,2", "--epochs", "1", "--seed", "1",
                "--out", "plane.ae4j");
        assertEquals(0, train.exitCode(), train.toString());
    }

    @Test
    void anOutputThatIsAnInputIsRefusedBeforeAnyWorkInEveryCommand() throws Exception {
        planeModel();
        byte[] data = Files.readAllBytes(dir.resolve("plane.csv"));
        byte[] model = Files.readAllBytes(dir.resolve("plane.ae4j"));
        Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("plane.csv"));
        Files.createLink(dir.resolve("hard.ae4j"), dir.resolve("plane.ae4j"));
        String destroys = ": writing it would destroy that input; choose another --out";
        refused("ae train: --out ./plane.csv is the same file as --data plane.csv" + destroys,
                "train", "--data", "plane.csv", "--layers", "6,2", "--out", "./plane.csv");
        refused("ae encode: --out hard.ae4j is the same file as --model plane.ae4j" + destroys,
                "encode", "--model", "plane.ae4j", "--data", "plane.csv", "--out", "hard.ae4j");
        refused("ae reconstruct: --out plane.csv is the same file as --data link.csv" + destroys,
                "reconstruct", "--model", "plane.ae4j", "--data", "link.csv", "--out", "plane.csv");
        refused("ae score: --out link.csv is the same file as --data plane.csv" + destroys,
                "score", "--model", "plane.ae4j", "--data", "plane.csv", "--out", "link.csv");
        refused("ae generate: --out plane.ae4j is the same file as --model plane.ae4j" + destroys,
                "generate", "3", "--model", "plane.ae4j", "--out", "plane.ae4j");
        Files.copy(dir.resolve("plane.ae4j"), dir.resolve("drawn.png"));
        refused("ae generate: drawn.png (the picture --image writes beside --out) is the same file as --model drawn.png"
                + destroys, "generate", "3", "--model", "drawn.png", "--out", "drawn", "--image", "2x3");
        refused("ae train: --out plots/loss.png and plots/loss.png (a picture --plots writes) are the same file:"
                        + " one would overwrite the other; choose another --out",
                "train", "--data", "plane.csv", "--layers", "6,2", "--out", "plots/loss.png", "--plots", "plots");
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("plane.csv")), "the data is untouched");
        assertArrayEquals(model, Files.readAllBytes(dir.resolve("plane.ae4j")), "the model is untouched");
        assertFalse(Files.exists(dir.resolve("drawn")) || Files.exists(dir.resolve("plots")), "nothing was written");
    }

    @Test
    void exportWritesAnOnnxModelAndRefusesToReplaceTheModel() throws Exception {
        planeModel();
        Run full = ae("export", "--model", "plane.ae4j", "--out", "plane.onnx");
        assertEquals(0, full.exitCode(), full.toString());
        assertEquals("wrote the full of plane.ae4j to plane.onnx: input 'input', outputs 'reconstruction' and 'error'",
                full.out().strip(), full.toString());
        ModelProto onnx = ModelProto.parseFrom(Files.readAllBytes(dir.resolve("plane.onnx")));
        assertEquals(List.of("reconstruction", "error"), onnx.getGraph().getOutputList().stream().map(o -> o.getName()).toList());
        String threshold = ae("info", "--model", "plane.ae4j").out().lines()
                .filter(l -> l.startsWith("anomaly.threshold = ")).findFirst().orElseThrow().substring(20);
        assertTrue(onnx.getMetadataPropsList().stream()
                .anyMatch(p -> p.getKey().equals("anomaly.threshold") && p.getValue().equals(threshold)), onnx.toString());

        Run encoder = ae("export", "--model", "plane.ae4j", "--part", "encoder", "--out", "encoder.onnx");
        assertEquals(0, encoder.exitCode(), encoder.toString());
        assertEquals("code", ModelProto.parseFrom(Files.readAllBytes(dir.resolve("encoder.onnx"))).getGraph().getOutput(0)
                .getName());

        byte[] model = Files.readAllBytes(dir.resolve("plane.ae4j"));
        refused("ae export: --out ./plane.ae4j is the same file as --model plane.ae4j: writing it would destroy that"
                + " input; choose another --out", "export", "--model", "plane.ae4j", "--out", "./plane.ae4j");
        refused("ae export: --part must be encoder, decoder or full, got 'middle'",
                "export", "--model", "plane.ae4j", "--part", "middle", "--out", "middle.onnx");
        assertArrayEquals(model, Files.readAllBytes(dir.resolve("plane.ae4j")), "the model is untouched");
        assertFalse(Files.exists(dir.resolve("middle.onnx")), "nothing was written");
    }

    @Test
    void importReadsAPyTorchAutoencoderThatThenEncodesAsPyTorchDid() throws Exception {
        Path torch = Path.of(System.getProperty("user.dir"), "..", "ae-onnx", "src", "test", "resources", "io", "ae4j",
                "onnx", "torch").normalize();
        Files.copy(torch.resolve("linear.onnx"), dir.resolve("torch.onnx"));
        Files.copy(torch.resolve("linear_input.csv"), dir.resolve("rows.csv"));
        Run imported = ae("import", "--onnx", "torch.onnx", "--code-at", "/encoder/encoder.3/Tanh_output_0",
                "--out", "torch.ae4j");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertTrue(imported.out().contains("imported torch.onnx and saved it as torch.ae4j"), imported.toString());
        Run encoded = ae("encode", "--model", "torch.ae4j", "--data", "rows.csv", "--out", "codes.csv");
        assertEquals(0, encoded.exitCode(), encoded.toString());
        List<String> ours = Files.readAllLines(dir.resolve("codes.csv"));
        List<String> pytorchs = Files.readAllLines(torch.resolve("linear_code.csv"));
        assertEquals("code1,code2", ours.get(0));
        assertEquals(pytorchs.size(), ours.size() - 1, "one code per row");
        for (int row = 0; row < pytorchs.size(); row++) {
            String[] a = ours.get(row + 1).split(",");
            String[] b = pytorchs.get(row).split(",");
            assertEquals(b.length, a.length, "code width, row " + row);
            for (int c = 0; c < a.length; c++) {
                assertEquals(Double.parseDouble(b[c]), Double.parseDouble(a[c]), 1e-5, "row " + row + ", code " + c);
            }
        }
        refused("ae import: --out ./torch.onnx is the same file as --onnx torch.onnx: writing it would destroy that"
                + " input; choose another --out", "import", "--onnx", "torch.onnx", "--encoder-layers", "2",
                "--out", "./torch.onnx");
    }

    @Test
    void outputsAndTestDataAreCheckedBeforeTraining() throws Exception {
        lowRankCsv();
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("narrow.csv"), "a,b\n1,2\n");
        refused("ae train: --out models: is a folder; name a file, for example one in that folder",
                "train", "--data", "plane.csv", "--layers", "6,2", "--out", "models");
        refused("ae train: --out plane.csv/m.ae4j: " + dir.toRealPath().resolve("plane.csv")
                        + " is a file, so nothing can be written under it; name a path in a folder",
                "train", "--data", "plane.csv", "--layers", "6,2", "--out", "plane.csv/m.ae4j");
        refused("ae train: --plots plane.csv: is a file, not a folder; name a folder (it is created if missing)",
                "train", "--data", "plane.csv", "--layers", "6,2", "--out", "m.ae4j", "--plots", "plane.csv");
        refused("ae train: --test narrow.csv has 2 columns but --data plane.csv has 6; give test data with the same"
                + " columns", "train", "--data", "plane.csv", "--layers", "6,2", "--out", "m.ae4j", "--test", "narrow.csv");
        refused("ae info: --model models: is a folder, not a file; name a file in it", "info", "--model", "models");
        assertFalse(Files.exists(dir.resolve("m.ae4j")), "nothing was trained");
    }

    @Test
    void generateChecksItsCountAndImageBeforeWritingAnything() throws Exception {
        planeModel();
        long most = (Integer.MAX_VALUE - 8L) / 6;
        refused(String.format(java.util.Locale.ROOT, "ae generate: 1,500,000,000 samples of 6 values each are more"
                        + " values than one matrix holds (2,147,483,639); generate at most %,d at a time", most),
                "generate", "1500000000", "--model", "plane.ae4j", "--out", "new.csv");
        refused("ae generate: --image 65536x65536 is 4,294,967,296 pixels but the model plane.ae4j makes 6 values per"
                        + " sample; give a height and width whose product is 6",
                "generate", "5", "--model", "plane.ae4j", "--out", "new.csv", "--image", "65536x65536");
        refused("ae generate: --image 3x3 is 9 pixels but the model plane.ae4j makes 6 values per sample; give a height"
                + " and width whose product is 6", "generate", "5", "--model", "plane.ae4j", "--out", "new.csv", "--image", "3x3");
        refused("ae generate: --image must be HEIGHTxWIDTH in pixels, such as 28x28, got '28'",
                "generate", "5", "--model", "plane.ae4j", "--out", "new.csv", "--image", "28");
        refused("ae generate: --image must be HEIGHTxWIDTH in pixels, such as 28x28, got 'axb'",
                "generate", "5", "--model", "plane.ae4j", "--out", "new.csv", "--image", "axb");
        assertFalse(Files.exists(dir.resolve("new.csv")) || Files.exists(dir.resolve("new.csv.png")), "nothing was written");
        Run images = ae("generate", "5", "--model", "plane.ae4j", "--out", "new.csv", "--image", "2x3");
        assertEquals(0, images.exitCode(), images.toString());
        assertEquals(6, Files.readAllLines(dir.resolve("new.csv")).size(), "a header and 5 samples");
        assertEquals(5 * (3 * ImageGrid.SCALE + 4) + 4, ImageIO.read(dir.resolve("new.csv.png").toFile()).getWidth());
    }

    @Test
    void workTooBigForTheHeapIsRefusedWithTheSizeNeededAndHowToRaiseIt() throws Exception {
        planeModel();
        Run generate = aeWithHeap("128m", "generate", "100000000", "--model", "plane.ae4j", "--out", "many.csv");
        assertEquals(1, generate.exitCode(), generate.toString());
        assertTrue(generate.err().matches("(?s).*ae generate: 100,000,000 samples of 6 values: about [0-9.]+ GiB of"
                + " memory needed, but Java may use at most [0-9]+ MiB here; generate fewer at a time, or give Java a"
                + " larger heap \\(-Xmx([0-9]+)g\\); with the ae command: AE_JAVA_OPTS=-Xmx\\1g \\./ae \\.\\.\\., or"
                + " java -Xmx\\1g -jar ae\\.jar \\.\\.\\.\\s*"), generate.toString());
        assertFalse(Files.exists(dir.resolve("many.csv")), "nothing was written");
        Run layers = aeWithHeap("128m", "train", "--data", "plane.csv", "--layers", "6,200000000", "--out", "big.ae4j");
        assertEquals(1, layers.exitCode(), layers.toString());
        assertTrue(layers.err().contains("ae train: the network has 2,600,000,006 parameters"), layers.toString());
        Run batch = aeWithHeap("128m", "train", "--data", "plane.csv", "--layers", "6,100000", "--batch", "300",
                "--out", "big.ae4j");
        assertEquals(1, batch.exitCode(), batch.toString());
        assertTrue(batch.err().contains("use a smaller --batch or smaller layers, or give Java a larger heap (-Xmx"),
                batch.toString());
        for (Run run : List.of(generate, layers, batch)) {
            assertFalse(run.err().contains("OutOfMemoryError") || run.err().contains("\tat ") || run.err().contains("bug"),
                    run.toString());
        }
        assertFalse(Files.exists(dir.resolve("big.ae4j")), "nothing was trained");
    }

    @Test
    void aDivergedRunIsAUserErrorThatSuggestsALowerLearningRate() throws Exception {
        lowRankCsv();
        Run run = ae("train", "--data", "plane.csv", "--layers", "6,2", "--lr", "1e30", "--out", "m.ae4j");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().matches("(?s).*ae train: training diverged in epoch 1, batch [0-9]+: the loss or the weights"
                + " stopped being finite numbers, and nothing was saved\\. This usually means the learning rate is too"
                + " high: try a lower one, such as --lr 1E\\+29 \\(a tenth of 1E\\+30\\), or rescale the columns with"
                + " --scale standard\\s*"), run.toString());
        assertFalse(run.err().contains("bug"), run.toString());
        assertFalse(Files.exists(dir.resolve("m.ae4j")), "nothing was saved");
    }
}
