package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Anomaly detection with the packaged {@code ae.jar}: train, score and evaluate, and continuing training. */
class AnomalyCommandIT extends PackagedAe {

    /**
     * {@code rows} rows of 5 values that depend on 2, with a {@code kind} column: every
     * {@code every}-th row (none if 0) is "odd", its third value pushed off the dependence.
     */
    private Path table(String name, int rows, int every, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder("a,b,c,d,e,kind\n");
        for (int r = 0; r < rows; r++) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            boolean odd = every > 0 && r % every == 0;
            double[] row = {u, v, (u + v) / 2 + (odd ? 0.6 : 0), u - v / 2, 1 - u};
            for (double value : row) {
                text.append((float) (value + 0.01 * random.nextGaussian())).append(',');
            }
            text.append(odd ? "odd" : "normal").append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void trainScoreAndEvaluateFindTheOddRowsAndDrawThePictures() throws Exception {
        table("normal.csv", 400, 0, 1);
        table("mixed.csv", 300, 10, 2);
        Run train = ae("train", "--data", "normal.csv", "--label-column", "kind", "--layers", "5,8,2", "--activation",
                "tanh", "--epochs", "60", "--batch", "16", "--lr", "0.01", "--seed", "3", "--threshold", "mad:3",
                "--out", "m.ae4j");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(train.out().contains("on the combined score (mad:3 of the training rows' scores)"), train.toString());

        Run score = ae("score", "--model", "m.ae4j", "--data", "mixed.csv", "--label-column", "kind", "--out", "s.csv");
        assertEquals(0, score.exitCode(), score.toString());
        List<String> lines = Files.readAllLines(dir.resolve("s.csv"));
        assertEquals("score,probability,anomaly", lines.get(0));
        int oddFlagged = 0;
        int normalFlagged = 0;
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            double probability = Double.parseDouble(cells[1]);
            assertTrue(probability >= 0 && probability <= 1, lines.get(r));
            boolean flagged = cells[2].equals("1.0");
            oddFlagged += flagged && (r - 1) % 10 == 0 ? 1 : 0;
            normalFlagged += flagged && (r - 1) % 10 != 0 ? 1 : 0;
        }
        assertTrue(oddFlagged >= 27 && normalFlagged <= 60, oddFlagged + " of 30 odd rows and " + normalFlagged
                + " of 270 normal rows flagged");

        Run evaluate = ae("evaluate", "--model", "m.ae4j", "--data", "mixed.csv", "--label-column", "kind",
                "--anomaly-label", "odd", "--plots", "plots");
        assertEquals(0, evaluate.exitCode(), evaluate.toString());
        assertTrue(evaluate.out().contains("rows 300, anomalies 30"), evaluate.toString());
        assertTrue(evaluate.out().contains("score: combined, threshold "), evaluate.toString());
        assertTrue(number(evaluate.out(), "AUROC ([0-9.]+)") > 0.97, evaluate.toString());
        assertTrue(number(evaluate.out(), "average precision \\(AUPRC\\) ([0-9.]+)") > 0.8, evaluate.toString());
        assertTrue(evaluate.out().contains(", F1 "), evaluate.toString());
        for (String picture : new String[] {"roc.png", "precision-recall.png", "scores.png"}) {
            BufferedImage image = ImageIO.read(dir.resolve("plots").resolve(picture).toFile());
            assertNotNull(image, picture + " decodes");
            assertEquals(LossChart.WIDTH, image.getWidth(), picture);
        }
        // The normal label, the other way of saying which rows are anomalies, measures the same.
        Run normalLabel = ae("evaluate", "--model", "m.ae4j", "--data", "mixed.csv", "--label-column", "kind",
                "--normal-label", "normal", "--score", "reconstruction", "--threshold", "percentile:95");
        assertEquals(0, normalLabel.exitCode(), normalLabel.toString());
        assertTrue(normalLabel.out().contains("score: reconstruction, threshold "), normalLabel.toString());

        // Refusals about labels name the option, the file and what it holds.
        Run unknown = ae("evaluate", "--model", "m.ae4j", "--data", "mixed.csv", "--label-column", "kind",
                "--anomaly-label", "M");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertEquals("ae evaluate: --anomaly-label M is not a label of --data mixed.csv; its labels are normal, odd",
                unknown.message());
        Run oneClass = ae("evaluate", "--model", "m.ae4j", "--data", "normal.csv", "--label-column", "kind",
                "--anomaly-label", "normal");
        assertEquals(1, oneClass.exitCode(), oneClass.toString());
        assertEquals("ae evaluate: --data normal.csv has only one class of rows (its labels are normal, and"
                + " --anomaly-label normal makes every row an anomaly); measuring a detector needs anomalies and normal"
                + " rows", oneClass.message());
        Run notVariational = ae("score", "--model", "m.ae4j", "--data", "mixed.csv", "--label-column", "kind",
                "--score", "reconstruction-probability", "--out", "v.csv");
        assertEquals(1, notVariational.exitCode(), notVariational.toString());
        assertTrue(notVariational.message().startsWith("ae score: --score reconstruction-probability: the"
                + " reconstruction-probability score is a variational autoencoder's"), notVariational.toString());
    }

    @Test
    void bestF1IsChosenOnLabelledRowsAndAVariationalModelScoresItsReconstructionProbability() throws Exception {
        table("normal.csv", 400, 0, 1);
        table("validation.csv", 200, 5, 4);
        Run train = ae("train", "--data", "normal.csv", "--label-column", "kind", "--layers", "5,8,2", "--activation",
                "tanh", "--epochs", "40", "--batch", "16", "--lr", "0.01", "--seed", "3", "--variant", "vae",
                "--beta", "0.1", "--score", "reconstruction-probability", "--threshold", "best-f1", "--threshold-data",
                "validation.csv", "--anomaly-label", "odd", "--out", "v.ae4j");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(train.out().contains("on the reconstruction-probability score (best F1 on the labelled rows of"
                + " validation.csv)"), train.toString());
        Run evaluate = ae("evaluate", "--model", "v.ae4j", "--data", "validation.csv", "--label-column", "kind",
                "--anomaly-label", "odd");
        assertEquals(0, evaluate.exitCode(), evaluate.toString());
        assertTrue(number(evaluate.out(), "AUROC ([0-9.]+)") > 0.9, evaluate.toString());
        Run otherScore = ae("score", "--model", "v.ae4j", "--data", "validation.csv", "--label-column", "kind",
                "--score", "combined", "--out", "s.csv");
        assertEquals(1, otherScore.exitCode(), otherScore.toString());
        assertEquals("ae score: --score combined: the model's threshold was chosen by best-f1 on labelled rows for the"
                + " reconstruction-probability score and holds for that score only; for the combined score give a"
                + " threshold rule or a number", otherScore.message());
        Run withRule = ae("score", "--model", "v.ae4j", "--data", "validation.csv", "--label-column", "kind",
                "--score", "combined", "--threshold", "contamination:0.2", "--out", "s.csv");
        assertEquals(0, withRule.exitCode(), withRule.toString());
    }

    @Test
    void trainingContinuesFromASavedModelAndReplacesItOnlyWhenTrainingSucceeds() throws Exception {
        table("normal.csv", 200, 0, 1);
        table("more.csv", 200, 0, 5);
        Run first = ae("train", "--data", "normal.csv", "--label-column", "kind", "--layers", "5,2", "--epochs", "3",
                "--seed", "1", "--scale", "standard", "--out", "m.ae4j");
        assertEquals(0, first.exitCode(), first.toString());
        String scaler = scalerLines(ae("info", "--model", "m.ae4j").out());

        Run again = ae("train", "--init", "m.ae4j", "--data", "more.csv", "--label-column", "kind", "--epochs", "2",
                "--seed", "2", "--out", "m.ae4j");
        assertEquals(0, again.exitCode(), again.toString());
        Run info = ae("info", "--model", "m.ae4j");
        assertTrue(info.out().contains("trained.epochs = 5"), "3 epochs, then 2 more\n" + info);
        assertEquals(scaler, scalerLines(info.out()), "the scaler is kept, not refitted on the new rows");

        // Values so large that their squares overflow: training diverges, and the model stays as it was.
        StringBuilder huge = new StringBuilder("a,b,c,d,e,kind\n");
        for (int r = 0; r < 20; r++) {
            huge.append("1e30,-1e30,1e30,-1e30,1e30,normal\n");
        }
        Files.writeString(dir.resolve("huge.csv"), huge);
        byte[] before = Files.readAllBytes(dir.resolve("m.ae4j"));
        Run diverged = ae("train", "--init", "m.ae4j", "--data", "huge.csv", "--label-column", "kind", "--epochs", "1",
                "--out", "m.ae4j");
        assertEquals(1, diverged.exitCode(), diverged.toString());
        assertTrue(diverged.message().contains("training diverged"), diverged.toString());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("m.ae4j")), "the model file is untouched");

        Run fixed = ae("train", "--init", "m.ae4j", "--data", "more.csv", "--label-column", "kind", "--layers", "5,3",
                "--out", "n.ae4j");
        assertEquals(1, fixed.exitCode(), fixed.toString());
        assertEquals("ae train: --init continues m.ae4j as it was built: it keeps its architecture, optimizer (with its"
                + " state) and scaler, so leave out --layers", fixed.message());
        assertFalse(Files.exists(dir.resolve("n.ae4j")));
    }

    private static String scalerLines(String info) {
        return String.join("\n", info.lines().filter(l -> l.startsWith("scaler")).toList());
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }
}
