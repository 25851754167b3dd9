package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePlanTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void writeData() throws IOException {
        data = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
    }

    private String refusal(FilePlan plan) {
        return assertThrows(IllegalArgumentException.class, plan::check).getMessage();
    }

    @Test
    void anOutputThatIsAnInputIsRefusedNamingBothOptions() {
        assertEquals("--out " + data + " is the same file as --data " + data
                        + ": writing it would destroy that input; choose another --out",
                refusal(new FilePlan().readsFile("--data", data).writesFile("--out", data)));
    }

    @Test
    void theSameFileIsFoundThroughDotsSymbolicLinksAndHardLinks() throws IOException {
        Path dotted = dir.resolve("sub/../.").resolve("data.csv");
        Files.createDirectories(dir.resolve("sub"));
        Path symbolic = Files.createSymbolicLink(dir.resolve("link.csv"), data);
        Path hard = Files.createLink(dir.resolve("hard.csv"), data);
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("folder"), dir);
        for (Path spelling : new Path[] {dotted, symbolic, hard, linkedFolder.resolve("data.csv")}) {
            String message = refusal(new FilePlan().readsFile("--data", data).writesFile("--out", spelling));
            assertEquals("--out " + spelling + " is the same file as --data " + data
                    + ": writing it would destroy that input; choose another --out", message, spelling.toString());
        }
    }

    @Test
    void twoOutputsThatWouldBeOneFileAreRefusedBeforeEitherExists() throws IOException {
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("folder"), dir);
        Path plots = dir.resolve("plots");
        String message = refusal(new FilePlan().writesFile("--out", linkedFolder.resolve("plots/loss.png"))
                .writesFolder("--plots", plots).writesFileFor("--plots", plots.resolve("loss.png"), "the loss curve"));
        assertEquals("--out " + linkedFolder.resolve("plots/loss.png") + " and " + plots.resolve("loss.png")
                + " (the loss curve) are the same file: one would overwrite the other; choose another --out", message);
        assertEquals("--out " + plots + " is also the folder --plots " + plots + "; choose another --out",
                refusal(new FilePlan().writesFile("--out", plots).writesFolder("--plots", plots)));
    }

    @Test
    void anOutputMayReplaceOnlyTheInputItIsAllowedToReplace() throws IOException {
        Path model = Files.writeString(dir.resolve("model.ae4j"), "x");
        assertDoesNotThrow(() -> new FilePlan().readsFile("--init", model).readsFile("--data", data)
                .writesFile("--out", model).mayReplace("--out", "--init").check());
        assertEquals("--out " + data + " is the same file as --data " + data
                + ": writing it would destroy that input; choose another --out",
                refusal(new FilePlan().readsFile("--init", model).readsFile("--data", data)
                        .writesFile("--out", data).mayReplace("--out", "--init")));
    }

    @Test
    void distinctFilesPass() throws IOException {
        Path model = Files.writeString(dir.resolve("model.ae4j"), "x");
        assertDoesNotThrow(() -> new FilePlan().readsFile("--model", model).readsFile("--data", data)
                .readsFile("--labels", null).writesFile("--out", dir.resolve("new/codes.csv"))
                .writesFolder("--plots", dir.resolve("plots")).check());
    }

    @Test
    void inputsMustBeReadableFilesOrFolders() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("models"));
        assertEquals("--model " + folder + ": is a folder, not a file; name a file in it",
                refusal(new FilePlan().readsFile("--model", folder)));
        assertEquals("--data " + dir.resolve("none.csv") + ": no such file",
                refusal(new FilePlan().readsFile("--data", dir.resolve("none.csv"))));
        assertEquals("--fashion-mnist " + data + ": is a file, not a folder",
                refusal(new FilePlan().readsFolder("--fashion-mnist", data)));
    }

    @Test
    void outputsMustBeWritableWhereTheyAre() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("results"));
        assertEquals("--out " + folder + ": is a folder; name a file, for example one in that folder",
                refusal(new FilePlan().writesFile("--out", folder)));
        Path underFile = data.resolve("deeper/model.ae4j");
        assertEquals("--out " + underFile + ": " + data + " is a file, so nothing can be written under it;"
                + " name a path in a folder", refusal(new FilePlan().writesFile("--out", underFile)));
        assertEquals("--plots " + data + ": is a file, not a folder; name a folder (it is created if missing)",
                refusal(new FilePlan().writesFolder("--plots", data)));
    }
}
