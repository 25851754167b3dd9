package io.ae4j.data.file;

import io.ae4j.data.FloatMatrix;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Samples read from a file: a {@code rows x cols} matrix of features, and optionally an integer
 * label per row, a name per column, and the shape of the images the rows are.
 *
 * <p>The feature matrix and the label array are shared, not copied, like {@link FloatMatrix}'s data.
 */
public final class Dataset {

    private final FloatMatrix features;
    private final int[] labels;
    private final List<String> labelNames;
    private final List<String> columnNames;
    private final ImageShape imageShape;

    /**
     * @param features    the samples, one per row
     * @param labels      one label per row, or null when the data have none
     * @param labelNames  when the labels were text: the text of label {@code i} is element {@code i};
     *                    empty when the labels are numbers or absent
     * @param columnNames a name per feature column, or empty when the columns have no names
     * @param imageShape  the shape of each image when the rows are images, or null
     * @throws IllegalArgumentException if a size disagrees with the features, saying which
     */
    public Dataset(FloatMatrix features, int[] labels, List<String> labelNames, List<String> columnNames,
            ImageShape imageShape) {
        if (features == null || labelNames == null || columnNames == null) {
            throw new IllegalArgumentException("a dataset needs features, label names and column names (lists may be "
                    + "empty), got " + (features == null ? "null features" : labelNames == null ? "null label names"
                    : "null column names"));
        }
        if (labelNames.stream().anyMatch(Objects::isNull) || columnNames.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a label or column name is null; give every label and column a name");
        }
        if (labels != null && labels.length != features.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + features.rows()
                    + " rows of features; give one label per row");
        }
        if (!labelNames.isEmpty()) {
            if (labels == null) {
                throw new IllegalArgumentException("label names without labels; give the labels too, or no names");
            }
            for (int r = 0; r < labels.length; r++) {
                if (labels[r] < 0 || labels[r] >= labelNames.size()) {
                    throw new IllegalArgumentException("label " + labels[r] + " of row " + r + " has no name: there are "
                            + labelNames.size() + " label names, for labels 0.." + (labelNames.size() - 1));
                }
            }
        }
        if (!columnNames.isEmpty() && columnNames.size() != features.cols()) {
            throw new IllegalArgumentException(columnNames.size() + " column names for " + features.cols()
                    + " columns; give one name per column, or none");
        }
        if (imageShape != null && imageShape.pixels() != features.cols()) {
            throw new IllegalArgumentException("images of " + imageShape.height() + " x " + imageShape.width()
                    + " pixels do not fill rows of " + features.cols() + " values");
        }
        this.features = features;
        this.labels = labels;
        this.labelNames = List.copyOf(labelNames);
        this.columnNames = List.copyOf(columnNames);
        this.imageShape = imageShape;
    }

    /** Unlabelled data that are not images. */
    public Dataset(FloatMatrix features, List<String> columnNames) {
        this(features, null, List.of(), columnNames, null);
    }

    /**
     * Reads a CSV file with {@link CsvReader#defaults()} or an IDX image file with
     * {@link IdxReader#read(Path)}, either gzip-compressed or not. A file is IDX when its name says so
     * ({@code train-images-idx3-ubyte}, {@code images.idx}, either with {@code .gz}) or its content
     * starts with two zero bytes, which no text file does; then a file that is not valid IDX is
     * refused as such, not read as CSV.
     *
     * @throws DataFileException naming the file, and the line and column for CSV, when it cannot be read
     */
    public static Dataset read(Path file) throws IOException {
        return read(file, ReadProgress.NONE);
    }

    /**
     * Reads a file like {@link #read(Path)}, reporting the reading's progress to {@code progress}.
     *
     * @throws DataFileException naming the file, and the line and column for CSV, when it cannot be read
     */
    public static Dataset read(Path file, ReadProgress progress) throws IOException {
        if (progress == null) {
            throw new IllegalArgumentException("the progress listener must not be null; give ReadProgress.NONE for none");
        }
        DataFiles.requireRereadable(file);     // its first bytes are read here, then again by its reader
        boolean idx;
        try (OpenedFile opened = DataFiles.open(file, null)) {
            BufferedInputStream in = opened.content();
            idx = IdxReader.namedLikeIdx(opened.name()) || in.read() == 0 && in.read() == 0;
        } catch (DamagedGzipException e) {
            // Damaged near its start: the reader the name points to says how far the file can be read.
            idx = IdxReader.namedLikeIdx(DataFiles.name(file));
        }
        return idx ? IdxReader.read(file, progress) : CsvReader.defaults().progress(progress).read(file);
    }

    /** The samples, one per row. */
    public FloatMatrix features() {
        return features;
    }

    /** The label of each row (shared, not copied), if the data have labels. */
    public Optional<int[]> labels() {
        return Optional.ofNullable(labels);
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The text of each label id when the labels were text; empty when they are numbers or absent. */
    public List<String> labelNames() {
        return labelNames;
    }

    /** A name per feature column ({@code pixel0..} for images); empty when the columns have no names. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The shape of each image, when the rows are images. */
    public Optional<ImageShape> imageShape() {
        return Optional.ofNullable(imageShape);
    }

    @Override
    public String toString() {
        return "Dataset[" + features.rows() + " x " + features.cols() + (labels == null ? "" : ", labelled")
                + (imageShape == null ? "" : ", images of " + imageShape.height() + " x " + imageShape.width()) + "]";
    }
}
