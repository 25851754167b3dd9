package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.file.CsvReader;
import io.ae4j.data.file.Dataset;
import io.ae4j.loss.TableLoss;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ae train --categorical}: a table of numbers and texts, the texts one-hot inside the model. Runs {@link Ae} in this JVM. */
class CategoricalColumnsTest {

    private static final List<String> COLOURS = List.of("blue", "green, light", "red");

    @TempDir
    Path dir;

    /** One run's exit code and what it printed. */
    private record Run(int exitCode, String out, String err) {
    }

    private Run ae(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Ae.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).strip());
    }

    /** Columns size, colour (its band of size), weight (twice the size). */
    private Path table(String name, int rows, long seed, String oddColour) throws IOException {
        StringBuilder text = new StringBuilder("size,colour,weight\n");
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            double size = random.nextDouble(-1.5, 1.5);
            String colour = r == rows - 1 && oddColour != null ? oddColour
                    : COLOURS.get(size < -0.5 ? 0 : size < 0.5 ? 1 : 2);
            text.append(size).append(",\"").append(colour).append("\",").append(40 + 20 * size).append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aModelOfNumbersAndCategoriesTrainsScoresAndRefusesANewCategory() throws IOException {
        Path data = table("train.csv", 400, 1, null);
        Path model = dir.resolve("table.ae4j");
        Run train = ae("train", "--data", data.toString(), "--categorical", "colour", "--layers", "3,16,2",
                "--activation", "tanh", "--scale", "standard", "--epochs", "80", "--lr", "0.01", "--seed", "2",
                "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());

        Autoencoder autoencoder = Autoencoder.load(model);
        assertEquals(3, autoencoder.inputSize());
        assertEquals(TableLoss.of(io.ae4j.loss.Loss.mse(), 3, Map.of(1, 3)), autoencoder.loss());
        assertEquals(Map.of("colour", COLOURS), Categories.of(autoencoder));

        // The reconstruction gives each row's colour back as its category's index.
        Path test = table("test.csv", 200, 3, null);
        Path reconstructed = dir.resolve("back.csv");
        Run reconstruct = ae("reconstruct", "--model", model.toString(), "--data", test.toString(), "--out",
                reconstructed.toString());
        assertEquals(0, reconstruct.exitCode(), reconstruct.err());
        Dataset in = CsvReader.defaults().categorical(Map.of("colour", COLOURS)).read(test);
        Dataset back = CsvReader.defaults().read(reconstructed);
        int right = 0;
        for (int r = 0; r < in.features().rows(); r++) {
            right += in.features().get(r, 1) == back.features().get(r, 1) ? 1 : 0;
        }
        assertTrue(right >= 0.9 * in.features().rows(), right + " of 200 colours reconstructed");

        Path scores = dir.resolve("scores.csv");
        Run score = ae("score", "--model", model.toString(), "--data", test.toString(), "--out", scores.toString());
        assertEquals(0, score.exitCode(), score.err());
        assertEquals(201, Files.readAllLines(scores).size());

        // A colour the model never saw is refused with its place; nothing is written.
        Path odd = table("odd.csv", 20, 4, "purple");
        Path refusedOut = dir.resolve("refused.csv");
        Run refused = ae("score", "--model", model.toString(), "--data", odd.toString(), "--out", refusedOut.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("odd.csv line 21, column 2 (\"colour\"): \"purple\" is not one of the column's 3"
                + " categories (blue, green, light, red)"), refused.err());
        assertTrue(Files.notExists(refusedOut));
    }

    @Test
    void categoriesTakeALinearOutputAndANumericLoss() throws IOException {
        Path data = table("train.csv", 20, 1, null);
        Run bce = ae("train", "--data", data.toString(), "--categorical", "colour", "--layers", "3,2", "--loss", "bce",
                "--out", dir.resolve("m.ae4j").toString());
        assertEquals(1, bce.exitCode());
        assertTrue(bce.err().contains("mse or mae with --categorical"), bce.err());
        Run sigmoid = ae("train", "--data", data.toString(), "--categorical", "colour", "--layers", "3,2", "--output",
                "sigmoid", "--out", dir.resolve("m.ae4j").toString());
        assertEquals(1, sigmoid.exitCode());
        assertTrue(sigmoid.err().contains("linear with --categorical"), sigmoid.err());
    }
}
