package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A CSV file through the packaged {@code ae.jar}: train on it, then encode, reconstruct, score and generate. */
class CsvWorkflowIT extends PackagedAe {

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
    void chosenColumnsTrainAndALabelColumnColoursTheLatentMap() throws Exception {
        StringBuilder text = new StringBuilder("id,x,y,z,kind\n");
        SplittableRandom random = new SplittableRandom(8);
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
                Color c = new Color(image.getRGB(x, y));
                float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
                if (hsb[1] > 0.4f && hsb[2] > 0.4f) {
                    bins[Math.round(hsb[0] * 12) % 12]++;
                }
            }
        }
        return (int) Arrays.stream(bins).filter(n -> n >= 100).count();
    }
}
