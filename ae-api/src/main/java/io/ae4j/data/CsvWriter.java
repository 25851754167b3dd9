package io.ae4j.data;

import io.ae4j.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link FloatMatrix} as CSV with a header, atomically ({@link AtomicFiles}), so a failure
 * never leaves half a file. Values are written in
 * their shortest exact form, so they read back bit for bit.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    /**
     * Writes {@code values} under the header {@code columns} to {@code file}.
     *
     * @throws IllegalArgumentException if the header does not have one name per column
     */
    public static void write(Path file, List<String> columns, FloatMatrix values) throws IOException {
        if (columns.size() != values.cols()) {
            throw new IllegalArgumentException(columns.size() + " column names for " + values.cols() + " columns");
        }
        AtomicFiles.write(file, temporary -> {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(String.join(",", columns));
                out.newLine();
                float[] data = values.data();
                for (int r = 0; r < values.rows(); r++) {
                    for (int c = 0; c < values.cols(); c++) {
                        if (c > 0) {
                            out.write(',');
                        }
                        out.write(Float.toString(data[r * values.cols() + c]));
                    }
                    out.newLine();
                }
            }
        });
    }
}
