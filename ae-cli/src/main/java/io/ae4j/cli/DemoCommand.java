package io.ae4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ae demo}: what autoencoders are for, in under a minute. First the Keras tutorial program
 * ({@link KerasDemo}), then Fashion-MNIST images squeezed to a few numbers each and rebuilt better
 * than PCA rebuilds them from as many ({@link FashionDemo}), with an HTML report, and last the
 * malignant rows of a breast cancer table found by a model of benign ones ({@link CancerDemo}). Each step prints
 * one line and the paths it wrote; training progress goes to stderr, as bars on a terminal and one
 * line per epoch elsewhere.
 */
@Command(name = "demo", description = "Show what autoencoders do: the Keras tutorial's model, then Fashion-MNIST images"
        + " coded in a few numbers against PCA, with an HTML report.")
final class DemoCommand extends AeSubcommand {

    /** Where Debian's dataset-fashion-mnist package puts the files. */
    private static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");

    @ParentCommand
    AeCommand root;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ae-demo",
            description = "Where the models, pictures and report go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "100",
            description = "Epochs to train the Keras example (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--image-epochs", defaultValue = "20",
            description = "Epochs to train on Fashion-MNIST images (default: ${DEFAULT-VALUE}).")
    int imageEpochs;

    @Option(names = "--code", defaultValue = "4", paramLabel = "N",
            description = "Numbers per Fashion-MNIST image in the code, and PCA components to compare with"
                    + " (default: ${DEFAULT-VALUE}).")
    int code;

    @Option(names = "--fashion-mnist", paramLabel = "DIR",
            description = "A folder with Fashion-MNIST's four IDX files, such as /usr/share/datasets/fashion-mnist;"
                    + " the bundled sample of 3,000 + 1,000 images if absent.")
    Path fashionMnist;

    @Override
    void checkOptions() {
        OptionCheck.atLeast("--epochs", epochs, 1);
        OptionCheck.atLeast("--image-epochs", imageEpochs, 1);
        OptionCheck.require(code >= 1 && code <= 784, "--code", code, "from 1 to 784, the pixels of an image");
    }

    @Override
    void planFiles(FilePlan files) {
        files.writesFolder("--out", out).readsFolder("--fashion-mnist", fashionMnist);
        for (Path file : keras().outputs()) {
            files.writesFileFor("--out", file, "written by the demo");
        }
        for (Path file : fashion().outputs()) {
            files.writesFileFor("--out", file, "written by the demo");
        }
        if (fashionMnist == null) {
            files.writesFolder("--out", out.resolve(FashionMnist.SAMPLE_FOLDER));
            for (String name : FashionMnist.SAMPLE_FILES) {
                files.writesFileFor("--out", out.resolve(FashionMnist.SAMPLE_FOLDER).resolve(name), "written by the demo");
            }
        }
        for (Path file : cancer().outputs()) {
            files.writesFileFor("--out", file, "written by the demo");
        }
    }

    @Override
    int run(PrintWriter stdout) throws IOException {
        stdout.println("1/3 " + keras().run());
        stdout.flush();
        stdout.println("2/3 " + fashion().run());
        if (fashionMnist == null) {
            stdout.println(Files.isDirectory(INSTALLED)
                    ? "    the whole set is installed: add --fashion-mnist " + INSTALLED + " for its 60,000 images"
                    : "    on the whole set of 60,000 images: --fashion-mnist DIR (apt-get install dataset-fashion-mnist)");
        }
        stdout.flush();
        stdout.println("3/3 " + cancer().run());
        return 0;
    }

    private KerasDemo keras() {
        return new KerasDemo(out, epochs);
    }

    private CancerDemo cancer() {
        return new CancerDemo(out);
    }

    private FashionDemo fashion() {
        return new FashionDemo(root, out, fashionMnist, code, imageEpochs);
    }
}
