package io.ae4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Numbers read from a file: one row per sample, and a name per column.
 *
 * @param values      the samples, one per row
 * @param columns     a name per column: the CSV header, {@code column1..n}, or {@code pixel1..n} for images
 * @param imageHeight for images, the height of each (rows are images stored row after row); 0 otherwise
 * @param imageWidth  for images, the width of each; 0 otherwise
 */
public record Dataset(FloatMatrix values, List<String> columns, int imageHeight, int imageWidth) {

    public Dataset {
        if (values == null || columns == null || columns.size() != values.cols()) {
            throw new IllegalArgumentException("a dataset needs values and one name per column");
        }
        if (imageHeight < 0 || imageWidth < 0 || (imageHeight * imageWidth != 0 && imageHeight * imageWidth != values.cols())) {
            throw new IllegalArgumentException("images of " + imageHeight + " x " + imageWidth + " do not fill rows of "
                    + values.cols() + " values");
        }
        columns = List.copyOf(columns);
    }

    /** A dataset that is not images. */
    public Dataset(FloatMatrix values, List<String> columns) {
        this(values, columns, 0, 0);
    }

    /** True when each row is an image of {@link #imageHeight} x {@link #imageWidth} pixels. */
    public boolean isImages() {
        return imageHeight > 0;
    }

    /**
     * Reads a CSV file ({@link CsvReader}) or an IDX image file ({@link IdxReader}), either of them
     * gzip-compressed or not, recognised by content rather than by name.
     */
    public static Dataset read(Path file) throws IOException {
        try (InputStream in = CsvReader.open(file)) {
            byte[] head = in.readNBytes(3);
            boolean idx = head.length == 3 && head[0] == 0 && head[1] == 0 && head[2] == 0x08;
            return idx ? IdxReader.readImages(file) : CsvReader.read(file);
        }
    }
}
