package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code ae demo} from the packaged jar, off a terminal as in a log or CI: one line per step, plain progress. */
class DemoIT extends PackagedAe {

    @Test
    void demoPrintsALinePerStepAndWritesItsModelsPicturesAndReport() throws Exception {
        Run demo = ae("demo", "--out", "demo", "--epochs", "20", "--image-epochs", "2");
        String out = demo.out();
        String err = demo.err();
        String run = demo.toString();
        assertEquals(0, demo.exitCode(), run);

        assertTrue(out.startsWith("1/3 the Keras tutorial's autoencoder (10 -> 5 -> 10, 100 random rows): loss "), run);
        assertTrue(out.contains(" in 20 epochs, "), run);
        assertTrue(Pattern.compile("\n2/3 Fashion-MNIST, 3,000 images squeezed to 4 numbers each: test error 0\\.\\d{4},"
                + " PCA with 4 components 0\\.\\d{4} \\((the autoencoder's|PCA's) is \\d+% lower\\)").matcher(out).find(), run);
        assertTrue(out.contains("wrote demo/fashion-report.html (open it in a browser)"), run);
        Matcher cancer = Pattern.compile("\n3/3 breast cancer table, trained on 238 benign rows: of 331 held out, flagged"
                + " (\\d+) of 212 malignant and (\\d+) of 119 benign \\(AUROC (0\\.\\d{3}), threshold mad:3\\)\n"
                + "    the most anomalous, row \\d+ of the table \\((malignant|benign)\\): (\\w+) \\d+%, \\w+ \\d+%,"
                + " \\w+ \\d+% of its reconstruction error\n").matcher(out);
        assertTrue(cancer.find(), run);
        assertTrue(Integer.parseInt(cancer.group(1)) > 150, "most malignant rows are flagged\n" + run);
        assertTrue(Integer.parseInt(cancer.group(2)) < 30, "few benign rows are flagged\n" + run);
        assertTrue(Double.parseDouble(cancer.group(3)) > 0.9, "the scores rank malignant rows first\n" + run);
        assertTrue(Files.exists(dir.resolve("demo/breast-cancer.ae4j")), run);

        // Off a terminal the Fashion-MNIST training prints a plain line per epoch, the Keras example nothing.
        List<String> progress = err.lines().filter(line -> line.startsWith("epoch ")).toList();
        assertEquals(2, progress.size(), run);
        assertTrue(progress.get(1).startsWith("epoch 2/2: loss "), run);
        assertFalse(err.contains("\r"), "no progress bar frames off a terminal\n" + run);

        for (String picture : List.of("keras-example-loss.png", "fashion-loss.png", "fashion-reconstructions.png",
                "fashion-latent.png")) {
            assertNotNull(ImageIO.read(dir.resolve("demo").resolve(picture).toFile()), picture + " decodes");
        }
        String report = Files.readString(dir.resolve("demo/fashion-report.html"), StandardCharsets.UTF_8);
        for (String section : List.of("overview", "loss", "reconstructions", "latent", "errors", "features")) {
            assertTrue(report.contains("<section id=\"" + section + "\">"), "the report has section " + section);
        }
        assertTrue(report.contains("Ankle boot"), "the latent map names the classes");
        assertTrue(Files.exists(dir.resolve("demo/fashion-mnist-sample/LICENSE")), "the sample travels with its licence");

        Run info = ae("info", "--model", "demo/keras-example.ae4j");
        String described = info.out();
        assertEquals(0, info.exitCode(), described);
        assertTrue(described.contains("input 10, code 5"), described);
        assertTrue(described.contains("trained.epochs = 20"), described);
    }
}
