package io.ae4j.data.file;

import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST, gzip-compressed or not (recognised by content).
 * An IDX file is big-endian: a magic number {@code 0x0000TTDD} (TT the type of the values, 0x08 for
 * unsigned bytes; DD the number of dimensions), one 32-bit size per dimension, then the values.
 *
 * <ul>
 * <li>Images: magic {@code 0x00000803}, sizes n, height, width; read as one row of
 *     {@code height * width} pixels per image, each {@code pixel / 255f} in [0, 1], with columns
 *     {@code pixel0..} and an {@link ImageShape}.
 * <li>Labels: magic {@code 0x00000801}, size n; one unsigned byte per image.
 * </ul>
 *
 * Files are read once, streaming, in chunks straight into a float array of exactly the size the
 * header declares, after checking that size: against the file's length when it is not compressed,
 * and against what one Java array and the heap hold. Every error is a {@link DataFileException}
 * that names the file, what was found and what was expected.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;
    private static final int CHUNK = 1 << 16;
    /** Bytes before the values: the magic number and one 32-bit size per dimension. */
    private static final int IMAGE_HEADER = 16;
    private static final int LABEL_HEADER = 8;
    private static final Pattern IDX_NAME = Pattern.compile("(?i).*([-.]idx[0-9]+-ubyte|\\.idx)(\\.gz)?");
    private static final Set<String> SPLITS = Set.of("train", "t10k");
    private static final float[] PIXEL = new float[256];

    static {
        for (int i = 0; i < PIXEL.length; i++) {
            PIXEL[i] = i / 255f;
        }
    }

    private IdxReader() {
    }

    /**
     * The images of {@code images}, without labels.
     *
     * @param images an IDX file of images
     * @return the images
     * @throws IOException if a file cannot be read
     */
    public static Dataset read(Path images) throws IOException {
        return read(images, ReadProgress.NONE);
    }

    /**
     * The images of {@code images}, without labels, reporting the reading's progress to {@code progress}.
     *
     * @param images an IDX file of images
     * @param progress receives the bytes read
     * @return the images
     * @throws IOException if a file cannot be read
     */
    public static Dataset read(Path images, ReadProgress progress) throws IOException {
        requireListener(progress);
        ProgressCount count = new ProgressCount(progress, DataFiles.sizeOnDisk(images));
        Dataset pixels;
        try (OpenedFile opened = DataFiles.open(images, count)) {
            pixels = images(opened);
        }
        count.finish();
        return pixels;
    }

    /**
     * The images of {@code images}, labelled by {@code labels}.
     *
     * @param images an IDX file of images
     * @param labels an IDX file of their labels
     * @return the labelled images
     * @throws DataFileException also when the two files hold different numbers of images and labels
     * @throws IOException if a file cannot be read
     */
    public static Dataset read(Path images, Path labels) throws IOException {
        return read(images, labels, ReadProgress.NONE);
    }

    /**
     * The images of {@code images}, labelled by {@code labels}, reporting the reading's progress
     * through both files to {@code progress}.
     *
     * @param images an IDX file of images
     * @param labels an IDX file of their labels
     * @param progress receives the bytes read
     * @return the labelled images
     * @throws DataFileException also when the two files hold different numbers of images and labels
     * @throws IOException if a file cannot be read
     */
    public static Dataset read(Path images, Path labels, ReadProgress progress) throws IOException {
        requireListener(progress);
        ProgressCount count = new ProgressCount(progress, DataFiles.sizeOnDisk(labels) + DataFiles.sizeOnDisk(images));
        // Labels first: they are small, so a swapped pair of files is refused before the pixels are read.
        int[] classes;
        try (OpenedFile opened = DataFiles.open(labels, count)) {
            classes = labels(opened);
        }
        Dataset pixels;
        try (OpenedFile opened = DataFiles.open(images, count)) {
            pixels = images(opened);
        }
        if (classes.length != pixels.features().rows()) {
            throw new DataFileException(DataFiles.name(labels), DataFiles.name(labels) + " has " + classes.length
                    + " labels but " + DataFiles.name(images) + " has " + pixels.features().rows()
                    + " images; give the labels of the same split");
        }
        count.finish();
        return new Dataset(pixels.features(), classes, List.of(), pixels.columnNames(),
                pixels.imageShape().orElseThrow());
    }

    /**
     * The labelled images of one split in {@code dir}, from the files named as MNIST and
     * Fashion-MNIST publish them: {@code SPLIT-images-idx3-ubyte} and {@code SPLIT-labels-idx1-ubyte},
     * each with or without {@code .gz} (the compressed one is taken when both are there), or with
     * {@code .idx3-ubyte} as some copies spell it.
     *
     * @param dir the folder
     * @param split {@code "train"} or {@code "t10k"}
     * @return the labelled images
     * @throws IOException if a file cannot be read
     */
    public static Dataset readFolder(Path dir, String split) throws IOException {
        if (dir == null || split == null || !SPLITS.contains(split)) {
            throw new IllegalArgumentException("name a folder and a split, \"train\" or \"t10k\"; got " + dir + " and "
                    + (split == null ? "null" : "\"" + split + "\""));
        }
        if (!Files.isDirectory(dir)) {
            throw new DataFileException(DataFiles.name(dir), "no such folder: " + dir.toAbsolutePath()
                    + "; name the folder that holds the IDX files");
        }
        return read(find(dir, split + "-images", "idx3-ubyte"), find(dir, split + "-labels", "idx1-ubyte"));
    }

    /**
     * The labels of {@code labels}: one unsigned byte, 0..255, per image.
     *
     * @param labels an IDX file of labels
     * @return the labels
     * @throws IOException if a file cannot be read
     */
    public static int[] readLabels(Path labels) throws IOException {
        try (OpenedFile opened = DataFiles.open(labels, null)) {
            return labels(opened);
        }
    }

    /**
     * Whether a file's name says it is an IDX file, as MNIST's ({@code train-images-idx3-ubyte},
     * {@code t10k-labels.idx1-ubyte}) or a plain {@code .idx}, with or without {@code .gz}.
     */
    static boolean namedLikeIdx(String name) {
        return IDX_NAME.matcher(name).matches();
    }

    /** Reads an image file, checking its size against the dimensions its header declares before allocating. */
    private static Dataset images(OpenedFile opened) throws IOException {
        String name = opened.name();
        InputStream in = opened.content();
        long done = 0;
        try {
            int[] sizes = header(in, name, IMAGES);
            int count = sizes[0];
            int height = sizes[1];
            int width = sizes[2];
            long pixels = (long) height * width;
            long size = product(count, pixels);
            String announced = count + " images of " + height + " x " + width;
            if (pixels > JavaHeap.MAX_ARRAY_LENGTH) {
                throw new DataFileException(name, name + " declares images of " + height + " x " + width + ", " + pixels
                        + " pixels each, more than one array holds, so it cannot be read; its header is likely damaged"
                        + tooShort(opened, IMAGE_HEADER, size) + ": get the file again");
            }
            if (size > JavaHeap.MAX_ARRAY_LENGTH) {
                String tooShort = tooShort(opened, IMAGE_HEADER, size);
                throw new DataFileException(name, name + " holds " + announced + ", " + size + " pixels, more than one "
                        + "array holds" + (tooShort.isEmpty() ? "; split the file"
                        : tooShort + ", so its header is damaged: get the file again"));
            }
            LongFunction<String> truncated = follow -> name + " is truncated: its header announces " + announced + ", "
                    + size + " bytes of pixels, but only " + follow + " follow";
            requireLength(opened, IMAGE_HEADER, size, truncated, announced);
            ImageShape shape = new ImageShape(height, width);
            float[] values = HeapRoom.floats(name, String.format(Locale.ROOT, "%,d images of %d x %d pixels", count,
                    height, width), (int) size);
            byte[] chunk = new byte[CHUNK];
            while (done < size) {
                int read = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, size - done));
                if (read == 0) {
                    throw new DataFileException(name, truncated.apply(done));
                }
                for (int i = 0; i < read; i++) {
                    values[(int) done + i] = PIXEL[chunk[i] & 0xff];
                }
                done += read;
            }
            requireEnd(in, name, announced);
            List<String> columns = new ArrayList<>(shape.pixels());
            for (int i = 0; i < shape.pixels(); i++) {
                columns.add("pixel" + i);
            }
            return new Dataset(new FloatMatrix(values, count, shape.pixels()), null, List.of(), columns, shape);
        } catch (DamagedGzipException e) {
            throw e.at(String.format(Locale.ROOT, "up to %,d bytes of pixels", done), 0);
        }
    }

    /** Reads a label file, checking its size against the count its header declares before allocating. */
    private static int[] labels(OpenedFile opened) throws IOException {
        String name = opened.name();
        InputStream in = opened.content();
        int done = 0;
        try {
            int count = header(in, name, LABELS)[0];
            LongFunction<String> truncated = follow -> name + " is truncated: its header announces " + count
                    + " labels but only " + follow + " follow";
            requireLength(opened, LABEL_HEADER, count, truncated, count + " labels");
            int[] values = HeapRoom.ints(name, String.format(Locale.ROOT, "%,d labels", count), count);
            byte[] chunk = new byte[CHUNK];
            while (done < count) {
                int read = in.readNBytes(chunk, 0, Math.min(chunk.length, count - done));
                if (read == 0) {
                    throw new DataFileException(name, truncated.apply(done));
                }
                for (int i = 0; i < read; i++) {
                    values[done + i] = chunk[i] & 0xff;
                }
                done += read;
            }
            requireEnd(in, name, count + " labels");
            return values;
        } catch (DamagedGzipException e) {
            throw e.at(String.format(Locale.ROOT, "up to %,d labels", done), 0);
        }
    }

    /**
     * For an uncompressed file, whose length is known before reading, refuses one that is shorter or
     * longer than its header and {@code values} bytes of values: before anything is allocated.
     *
     * @param truncated the message for a short file, given the bytes that follow the header
     */
    private static void requireLength(OpenedFile opened, int header, long values, LongFunction<String> truncated,
            String announced) {
        if (!opened.lengthKnown()) {
            return;
        }
        long follow = opened.sizeOnDisk() - header;
        if (follow < values) {
            throw new DataFileException(opened.name(), truncated.apply(follow));
        }
        if (follow > values) {
            throw tooLong(opened.name(), announced);
        }
    }

    /**
     * For an uncompressed file shorter than its header and {@code values} bytes of values, the end
     * of a message that says so; otherwise nothing.
     */
    private static String tooShort(OpenedFile opened, int header, long values) {
        long follow = opened.sizeOnDisk() - header;
        return !opened.lengthKnown() || follow >= values ? ""
                : "; and the file is too short for the dimensions it declares, with only " + follow + " bytes of pixels";
    }

    /** {@code a * b} for non-negative numbers, or {@code Long.MAX_VALUE} if that overflows. */
    private static long product(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static void requireListener(ReadProgress progress) {
        if (progress == null) {
            throw new IllegalArgumentException("the progress listener must not be null; give ReadProgress.NONE for none");
        }
    }

    /** Checks the magic number {@code expected} and returns the sizes that follow it, each positive. */
    private static int[] header(InputStream in, String name, int expected) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new DataFileException(name, name + " is not an IDX file: it has only " + magic.length
                    + " bytes, fewer than an IDX header");
        }
        int found = bigEndian(magic);
        String mismatch = String.format("%s: magic number 0x%08x, expected 0x%08x (%s); ", name, found, expected,
                expected == IMAGES ? "unsigned-byte images" : "unsigned-byte labels");
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DataFileException(name, mismatch + "this is not an IDX file, which starts with two zero bytes");
        }
        if (magic[2] != UNSIGNED_BYTE) {
            throw new DataFileException(name, mismatch + String.format("its values are of IDX type 0x%02x, and ae4j "
                    + "reads only unsigned bytes (0x08), as MNIST and Fashion-MNIST store them", magic[2]));
        }
        if (found != expected) {
            String hint = found == LABELS ? "this is a label file; give it as the labels and an image file as the images"
                    : found == IMAGES ? "this is an image file; give it as the images and a label file as the labels"
                    : "it has " + magic[3] + " dimensions where " + (expected == IMAGES ? "images have 3" : "labels have 1");
            throw new DataFileException(name, mismatch + hint);
        }
        int[] sizes = new int[expected & 0xff];
        for (int d = 0; d < sizes.length; d++) {
            byte[] size = in.readNBytes(4);
            if (size.length < 4) {
                throw new DataFileException(name, name + " is truncated: it ends inside its header, at the size of "
                        + "dimension " + (d + 1) + " of " + sizes.length);
            }
            sizes[d] = bigEndian(size);
            if (sizes[d] <= 0) {
                throw new DataFileException(name, name + " is damaged: its header gives " + dimension(expected, d)
                        + " " + Integer.toUnsignedString(sizes[d]) + "; it must be from 1 to " + Integer.MAX_VALUE);
            }
        }
        return sizes;
    }

    private static int bigEndian(byte[] b) {
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    private static String dimension(int magic, int d) {
        return magic == LABELS ? "label count" : List.of("image count", "height", "width").get(d);
    }

    /** Refuses bytes after the values: the header then understates the content, so it is wrong. */
    private static void requireEnd(InputStream in, String name, String announced) throws IOException {
        if (in.read() != -1) {
            throw tooLong(name, announced);
        }
    }

    private static DataFileException tooLong(String name, String announced) {
        return new DataFileException(name, name + " has more bytes than its header announces (" + announced
                + "); the file is damaged");
    }

    /** The file {@code prefix-suffix} in {@code dir}, with or without .gz, or {@code prefix.suffix}. */
    private static Path find(Path dir, String prefix, String suffix) throws IOException {
        for (String name : List.of(prefix + "-" + suffix + ".gz", prefix + "-" + suffix, prefix + "." + suffix + ".gz",
                prefix + "." + suffix)) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        List<String> present;
        try (Stream<Path> files = Files.list(dir)) {
            present = files.map(DataFiles::name).sorted().limit(20).toList();
        }
        throw new DataFileException(prefix + "-" + suffix, dir.toAbsolutePath() + " has no " + prefix + "-" + suffix
                + " (nor with .gz); it holds " + (present.isEmpty() ? "no files" : String.join(", ", present))
                + "; name the folder with the MNIST-style IDX files");
    }
}
