package io.ae4j.cli;

import io.ae4j.data.file.Dataset;
import io.ae4j.data.file.IdxReader;
import io.ae4j.model.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Fashion-MNIST from a folder of its four IDX files (compressed or not), or the sample of 3,000
 * training and 1,000 test images bundled with ae (MIT licence, Zalando SE; see its LICENSE).
 */
record FashionMnist(Dataset train, Dataset test, int[] testLabels) {

    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The folder, inside the jar and in the demo's output, of the bundled sample. */
    static final String SAMPLE_FOLDER = "fashion-mnist-sample";
    private static final String SAMPLE = "/io/ae4j/cli/" + SAMPLE_FOLDER + "/";
    private static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    /** The files of the bundled sample: the four gzip-compressed IDX files and their licence. */
    static final List<String> SAMPLE_FILES = List.of(FILES.get(0) + ".gz", FILES.get(1) + ".gz", FILES.get(2) + ".gz",
            FILES.get(3) + ".gz", "LICENSE");

    /** Reads the four files in {@code dir}, each named as Zalando publishes them, with or without {@code .gz}. */
    static FashionMnist read(Path dir) throws IOException {
        return new FashionMnist(IdxReader.read(find(dir, FILES.get(0))),
                IdxReader.read(find(dir, FILES.get(2))), IdxReader.readLabels(find(dir, FILES.get(3))));
    }

    /** Copies the bundled sample, with its licence, into {@code dir} and returns {@code dir}. */
    static Path extractSample(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : SAMPLE_FILES) {
            try (InputStream in = FashionMnist.class.getResourceAsStream(SAMPLE + name)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled Fashion-MNIST sample lacks " + name
                            + "; rebuild ae-cli");
                }
                AtomicFiles.write(dir.resolve(name), temporary -> Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING));
            }
        }
        return dir;
    }

    private static Path find(Path dir, String name) {
        for (String candidate : List.of(name + ".gz", name)) {
            if (Files.isRegularFile(dir.resolve(candidate))) {
                return dir.resolve(candidate);
            }
        }
        throw new IllegalArgumentException(dir + " has neither " + name + ".gz nor " + name
                + "; name a folder with Fashion-MNIST's four IDX files");
    }
}
