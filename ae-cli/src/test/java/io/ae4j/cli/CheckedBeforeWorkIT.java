package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * What the packaged {@code ae.jar} refuses before it reads, trains or writes anything: an output that
 * would replace an input, outputs that cannot be written, and values it could not carry out.
 */
class CheckedBeforeWorkIT extends PackagedAe {

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
        refused(String.format(Locale.ROOT, "ae generate: 1,500,000,000 samples of 6 values each are more"
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
}
