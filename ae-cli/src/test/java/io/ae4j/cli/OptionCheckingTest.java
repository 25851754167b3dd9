package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.anomaly.ThresholdRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every numeric and named option of every command is checked before any file is read or written,
 * and refused with the option, the value and what it must be. Runs {@link Ae} in this JVM.
 */
class OptionCheckingTest {

    @TempDir
    Path dir;

    private Path data;
    private Path out;

    /** One run's exit code and what it printed to stderr. */
    private record Run(int exitCode, String err) {
    }

    @BeforeEach
    void writeData() throws IOException {
        StringBuilder text = new StringBuilder("a,b,c,d\n");
        SplittableRandom random = new SplittableRandom(4);
        for (int r = 0; r < 40; r++) {
            double u = random.nextDouble();
            text.append(u).append(',').append(1 - u).append(',').append(u / 2).append(',').append(random.nextDouble())
                    .append('\n');
        }
        data = Files.writeString(dir.resolve("data.csv"), text);
        out = dir.resolve("out.ae4j");
    }

    private Run ae(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Ae.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, err.toString(StandardCharsets.UTF_8).strip());
    }

    /** {@code ae train --data data.csv --layers 4,2 --out out.ae4j} with {@code extra} options. */
    private Run train(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--layers", "4,2",
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return ae(args.toArray(new String[0]));
    }

    private void assertRefused(String expected, Run run) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(expected, run.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void trainRefusesEveryNumberOutOfItsRange() {
        assertRefused("ae train: --lr must be a finite number above 0, from 1.4E-45 to 3.4028235E38, got NaN", train("--lr", "NaN"));
        assertRefused("ae train: --lr must be a finite number above 0, from 1.4E-45 to 3.4028235E38, got -0.1", train("--lr", "-0.1"));
        assertRefused("ae train: --lr must be a finite number above 0, from 1.4E-45 to 3.4028235E38, got 1.0E40", train("--lr", "1e40"));
        assertRefused("ae train: --weight-decay must be a finite number, 0 or more, at most 3.4028235E38, got Infinity",
                train("--weight-decay", "Infinity"));
        assertRefused("ae train: --epochs must be at least 1, got 0", train("--epochs", "0"));
        assertRefused("ae train: --batch must be at least 1, got -32", train("--batch", "-32"));
        assertRefused("ae train: --val-split must be in [0, 1), the share of the rows held out for validation, got 1.5",
                train("--val-split", "1.5"));
        assertRefused("ae train: --val-split must be in [0, 1), the share of the rows held out for validation, got -0.1",
                train("--val-split", "-0.1"));
        assertRefused("ae train: --val-split must be in [0, 1), the share of the rows held out for validation, got NaN",
                train("--val-split", "NaN"));
        assertRefused("ae train: --patience must be 0 or more, got -1", train("--patience", "-1"));
        assertRefused("ae train: --threshold: threshold rule percentile:100.5: the number must be in (0, 100]",
                train("--threshold", "percentile:100.5"));
        assertRefused("ae train: --layers must be widths of at least 1 (number 2 is 0), got 4,0",
                ae("train", "--data", data.toString(), "--layers", "4,0", "--out", out.toString()));
        assertRefused("ae train: --dropout must be in [0, 1), got 1.0",
                train("--dropout", "1"));
        assertRefused("ae train: --beta must be a finite number, 0 or more, at most 3.4028235E38, got NaN",
                train("--variant", "vae", "--beta", "NaN"));
        assertRefused("ae train: --beta must be a finite number, 0 or more, at most 3.4028235E38, got 1.0E39",
                train("--variant", "vae", "--beta", "1e39"));
        assertRefused("ae train: --noise must be a finite sigma, 0 or more, got 1e39",
                train("--variant", "denoising", "--noise", "1e39"));
        assertRefused("ae train: --noise must be a finite sigma, 0 or more, got -0.3",
                train("--variant", "denoising", "--noise", "-0.3"));
        assertRefused("ae train: --noise must be mask:RATE with RATE in [0, 1), got mask:1",
                train("--variant", "denoising", "--noise", "mask:1"));
        assertRefused("ae train: --sparsity must be kl:RHO with RHO in (0, 1), got kl:1.5",
                train("--variant", "sparse", "--sparsity", "kl:1.5"));
        assertRefused("ae train: --sparsity must be l1:LAMBDA with LAMBDA a finite number, 0 or more, got l1:-1",
                train("--variant", "sparse", "--sparsity", "l1:-1"));
    }

    @Test
    void textThatIsNotANumberIsRefusedNamingTheOption() {
        assertRefused("ae train: --sparsity l1:abc: 'abc' is not a number; write kl:RHO, kl:RHO:BETA or l1:LAMBDA,"
                + " such as kl:0.05 or l1:0.05", train("--variant", "sparse", "--sparsity", "l1:abc"));
        assertRefused("ae train: --noise mask:x: 'x' is not a number; write SIGMA (0 or more, such as 0.3) or"
                + " mask:RATE (RATE in [0, 1), such as mask:0.25)", train("--variant", "denoising", "--noise", "mask:x"));
        assertRefused("ae train: --sparsity must be kl:RHO, kl:RHO:BETA or l1:LAMBDA, such as kl:0.05 or l1:0.05,"
                + " got 'l2:1'", train("--variant", "sparse", "--sparsity", "l2:1"));
    }

    @Test
    void trainRefusesUnknownNamesNamingTheOption() {
        assertRefused("ae train: --loss must be mse, mae or bce, got 'hinge'", train("--loss", "hinge"));
        assertRefused("ae train: --optimizer must be adam, sgd or rmsprop, got 'lbfgs'", train("--optimizer", "lbfgs"));
        assertRefused("ae train: --scale must be none, minmax or standard, got 'log'", train("--scale", "log"));
        assertRefused("ae train: --baseline must be pca, got 'ica'", train("--baseline", "ica"));
        assertRefused("ae train: --activation: unknown activation 'gelu'; use one of linear, relu, leaky_relu, sigmoid,"
                + " tanh, softplus", train("--activation", "gelu"));
    }

    @Test
    void aValidationSplitMustLeaveRowsOnBothSides() {
        assertRefused("ae train: --val-split 0.99 holds out all 40 rows of " + data + ", leaving none to train on;"
                + " use a smaller share, below 0.975", train("--val-split", "0.99"));
        assertRefused("ae train: --val-split 1.0E-20 of the 40 rows of " + data + " holds out none of them; use at least"
                + " 0.025 (one row), or leave out --val-split", train("--val-split", "1e-20"));
    }

    @Test
    void scoreAndGenerateRefuseTheirNumbers() throws IOException {
        Path model = Files.writeString(dir.resolve("model.ae4j"), "checked after the options");
        out = dir.resolve("scores.csv");
        assertRefused("ae score: --threshold must be a finite number or a rule: " + ThresholdRule.FORMS + ", got NaN",
                ae("score", "--model", model.toString(), "--data", data.toString(), "--threshold", "NaN",
                "--out", out.toString()));
        out = dir.resolve("new.csv");
        assertRefused("ae generate: N (the number of samples) must be at least 1, got 0",
                ae("generate", "0", "--model", model.toString(), "--out", out.toString()));
        assertRefused("ae generate: --image must be HEIGHTxWIDTH in pixels, such as 28x28, got '28'",
                ae("generate", "5", "--model", model.toString(), "--out", out.toString(), "--image", "28"));
        assertRefused("ae demo: --image-epochs must be at least 1, got 0",
                ae("demo", "--out", dir.resolve("demo").toString(), "--image-epochs", "0"));
        assertFalse(Files.exists(dir.resolve("demo")), "the demo wrote nothing");
    }

    @Test
    void anomalyOptionsAreRefusedNamingTheOptionAndWhatIsAllowed() throws IOException {
        assertRefused("ae train: --threshold: threshold rule contamination:0.7: the number must be in (0, 0.5], the share"
                + " of anomalies expected in the training data", train("--threshold", "contamination:0.7"));
        assertRefused("ae train: --threshold: unknown threshold rule 'top:5': write " + ThresholdRule.FORMS,
                train("--threshold", "top:5"));
        assertRefused("ae train: --threshold: unknown threshold rule '0.3': write " + ThresholdRule.FORMS,
                train("--threshold", "0.3"));
        assertRefused("ae train: --score: unknown anomaly score 'error': the scores are reconstruction, code-distance,"
                + " normalized-reconstruction, combined, reconstruction-probability", train("--score", "error"));
        assertRefused("ae train: --threshold best-f1 needs to know which labels are anomalies: give --anomaly-label VALUE"
                + " (such as --anomaly-label M), or --normal-label VALUE for one normal class among many",
                train("--threshold", "best-f1"));
        assertRefused("ae train: --threshold best-f1 chooses the threshold on labelled rows: give them with"
                + " --threshold-data FILE", train("--threshold", "best-f1", "--anomaly-label", "M"));
        assertRefused("ae train: --threshold-data is for --threshold best-f1; add that or leave --threshold-data out",
                train("--threshold-data", data.toString()));
        assertRefused("ae train: --anomaly-label and --normal-label say the same thing two ways; give one",
                train("--anomaly-label", "M", "--normal-label", "B"));
        assertRefused("ae train: --layers is required to build a new model, such as --layers 784,256,64 (or continue"
                + " training a saved one with --init MODEL)", ae("train", "--data", data.toString(), "--out", out.toString()));
        Path model = Files.writeString(dir.resolve("model.ae4j"), "checked after the options");
        assertRefused("ae train: --init continues " + model + " as it was built: it keeps its architecture, optimizer"
                + " (with its state) and scaler, so leave out --layers, --lr, --scale", train("--init", model.toString(),
                "--lr", "0.01", "--scale", "standard"));
        out = dir.resolve("scores.csv");
        assertRefused("ae score: --score: unknown anomaly score 'vae': the scores are reconstruction, code-distance,"
                + " normalized-reconstruction, combined, reconstruction-probability", ae("score", "--model", model.toString(), "--data",
                data.toString(), "--score", "vae", "--out", out.toString()));
        assertRefused("ae score: --threshold: threshold rule mad:0: the number must be a finite number above 0, or a"
                + " number in the score's units", ae("score", "--model", model.toString(), "--data", data.toString(),
                "--threshold", "mad:0", "--out", out.toString()));
        assertRefused("ae evaluate: ae evaluate needs to know which labels are anomalies: give --anomaly-label VALUE"
                + " (such as --anomaly-label M), or --normal-label VALUE for one normal class among many",
                ae("evaluate", "--model", model.toString(), "--data", data.toString(), "--label-column", "d"));
        assertRefused("ae evaluate: ae evaluate needs the rows' labels: name the CSV's label column with --label-column,"
                + " or give IDX images their label file with --labels",
                ae("evaluate", "--model", model.toString(), "--data", data.toString(), "--anomaly-label", "1"));
    }

    @Test
    void filesAreCheckedBeforeTraining() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Run intoFolder = ae("train", "--data", data.toString(), "--layers", "4,2", "--out", folder.toString());
        assertEquals("ae train: --out " + folder + ": is a folder; name a file, for example one in that folder",
                intoFolder.err());
        Path narrow = Files.writeString(dir.resolve("narrow.csv"), "a,b\n1,2\n");
        assertRefused("ae train: --test " + narrow + " has 2 columns but --data " + data + " has 4; give test data with"
                + " the same columns", train("--test", narrow.toString()));
        assertRefused("ae train: --plots " + data + ": is a file, not a folder; name a folder (it is created if missing)",
                train("--plots", data.toString()));
        Run overwrite = ae("train", "--data", data.toString(), "--layers", "4,2", "--out", data.toString());
        assertEquals("ae train: --out " + data + " is the same file as --data " + data
                + ": writing it would destroy that input; choose another --out", overwrite.err());
        assertTrue(Files.readString(data).startsWith("a,b,c,d\n"), "the data is untouched");
    }
}
