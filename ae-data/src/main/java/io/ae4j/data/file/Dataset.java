package io.ae4j.data.file;

import io.ae4j.data.FloatMatrix;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Map<String, List<String>> categories;

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
        this.categories = Map.of();
    }

    private Dataset(Dataset data, Map<String, List<String>> categories) {
        this.features = data.features;
        this.labels = data.labels;
        this.labelNames = data.labelNames;
        this.columnNames = data.columnNames;
        this.imageShape = data.imageShape;
        this.categories = categories;
    }

    /**
     * Unlabelled data that are not images.
     *
     * @param features the samples, one per row
     * @param columnNames a name per column, or an empty list
     */
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
     * @param file a CSV or IDX file
     * @return the data
     * @throws DataFileException naming the file, and the line and column for CSV, when it cannot be read
     * @throws IOException if the file cannot be read
     */
    public static Dataset read(Path file) throws IOException {
        return read(file, ReadProgress.NONE);
    }

    /**
     * Reads a file like {@link #read(Path)}, reporting the reading's progress to {@code progress}.
     *
     * @param file a CSV or IDX file
     * @param progress receives the bytes read
     * @return the data
     * @throws DataFileException naming the file, and the line and column for CSV, when it cannot be read
     * @throws IOException if the file cannot be read
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

    /**
     * The samples, one per row.
     *
     * @return the samples
     */
    public FloatMatrix features() {
        return features;
    }

    /**
     * The label of each row (shared, not copied), if the data have labels.
     *
     * @return the labels, or empty
     */
    public Optional<int[]> labels() {
        return Optional.ofNullable(labels);
    }

    /**
     * Whether the data have labels.
     *
     * @return whether {@link #labels()} is present
     */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * The text of each label id when the labels were text; empty when they are numbers or absent.
     *
     * @return the names, by label id
     */
    public List<String> labelNames() {
        return labelNames;
    }

    /**
     * A name per feature column ({@code pixel0..} for images); empty when the columns have no names.
     *
     * @return the names, or an empty list
     */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * The shape of each image, when the rows are images.
     *
     * @return the shape, or empty
     */
    public Optional<ImageShape> imageShape() {
        return Optional.ofNullable(imageShape);
    }

    /**
     * The categories of each categorical column, by column name in column order: the value
     * {@code i} in that column stands for the {@code i}-th text of its list. Empty when every
     * column is numeric.
     *
     * @return the categories, by column name
     */
    public Map<String, List<String>> categories() {
        return categories;
    }

    /**
     * These data with categorical columns: {@code categories} maps the names of some columns to
     * their categories, and each value there must be an index into its column's list.
     *
     * @param categories the categories of some columns, by column name
     * @return the data with those categories
     * @throws IllegalArgumentException naming the column, and the row of a value that is not an index
     */
    public Dataset withCategories(Map<String, List<String>> categories) {
        if (categories == null) {
            throw new IllegalArgumentException("categories must not be null; give an empty map for none");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> column : categories.entrySet()) {
            int c = columnNames.indexOf(column.getKey());
            List<String> list = column.getValue();
            if (c < 0 || list == null || list.isEmpty()) {
                throw new IllegalArgumentException("categorical column \"" + column.getKey() + "\" "
                        + (c < 0 ? "is not one of the columns " + columnNames : "has no categories"));
            }
            for (int r = 0; r < features.rows(); r++) {
                float value = features.get(r, c);
                if (!(value >= 0 && value < list.size() && value == Math.rint(value))) {
                    throw new IllegalArgumentException("row " + r + " of categorical column \"" + column.getKey()
                            + "\" holds " + value + ", which is not the index of one of its " + list.size()
                            + " categories");
                }
            }
            copy.put(column.getKey(), List.copyOf(list));
        }
        return new Dataset(this, Collections.unmodifiableMap(copy));
    }

    @Override
    public String toString() {
        return "Dataset[" + features.rows() + " x " + features.cols() + (labels == null ? "" : ", labelled")
                + (imageShape == null ? "" : ", images of " + imageShape.height() + " x " + imageShape.width()) + "]";
    }
}
