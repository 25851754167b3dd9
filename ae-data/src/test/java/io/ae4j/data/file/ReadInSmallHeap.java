package io.ae4j.data.file;

import io.ae4j.data.FloatMatrix;
import java.nio.file.Path;

/**
 * Run in a JVM of its own with a small heap by {@link SmallHeapReadingTest}: reads each file named
 * on the command line with {@link Dataset#read(Path)} and prints one line per file, {@code read R x C}
 * or {@code refused MESSAGE}. Anything else that is thrown, an OutOfMemoryError above all, ends the
 * JVM with its stack trace and a non-zero exit code.
 */
public final class ReadInSmallHeap {

    private ReadInSmallHeap() {
    }

    public static void main(String[] files) throws Exception {
        for (String file : files) {
            try {
                FloatMatrix features = Dataset.read(Path.of(file)).features();
                System.out.println("read " + features.rows() + " x " + features.cols());
            } catch (DataFileException e) {
                System.out.println("refused " + e.getMessage());
            }
        }
    }
}
