package io.ae4j.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST, gzip-compressed or not: images (magic number
 * {@code 0x00000803}, unsigned bytes, n x height x width) as one row of {@code height * width}
 * pixels per image scaled to [0, 1] (pixel / 255, as every MNIST tutorial does), and labels
 * (magic {@code 0x00000801}, n unsigned bytes). Errors name the file and what was expected.
 */
public final class IdxReader {

    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    private IdxReader() {
    }

    /** The images of {@code file}, one row of pixels in [0, 1] per image, columns {@code pixel1..n}. */
    public static Dataset readImages(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(CsvReader.open(file))) {
            String name = file.getFileName().toString();
            checkMagic(in.readInt(), IMAGES, name, "an IDX image file");
            int count = dimension(in, name, "image count");
            int height = dimension(in, name, "height");
            int width = dimension(in, name, "width");
            long size = (long) count * height * width;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(name + " holds " + size + " pixels, more than one array can");
            }
            byte[] pixels = new byte[(int) size];
            try {
                in.readFully(pixels);
            } catch (EOFException e) {
                throw new IllegalArgumentException(name + " is truncated: its header announces " + count + " images of "
                        + height + " x " + width + " pixels, " + size + " bytes, but the file ends before them");
            }
            float[] values = new float[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                values[i] = (pixels[i] & 0xff) / 255f;
            }
            List<String> columns = new ArrayList<>(height * width);
            for (int i = 1; i <= height * width; i++) {
                columns.add("pixel" + i);
            }
            return new Dataset(new FloatMatrix(values, count, height * width), columns, height, width);
        }
    }

    /** The labels of {@code file}, one per image. */
    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(CsvReader.open(file))) {
            String name = file.getFileName().toString();
            checkMagic(in.readInt(), LABELS, name, "an IDX label file");
            int count = dimension(in, name, "label count");
            byte[] bytes = new byte[count];
            try {
                in.readFully(bytes);
            } catch (EOFException e) {
                throw new IllegalArgumentException(name + " is truncated: its header announces " + count
                        + " labels but the file ends before them");
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xff;
            }
            return labels;
        }
    }

    private static void checkMagic(int found, int expected, String file, String what) {
        if (found != expected) {
            throw new IllegalArgumentException(String.format("%s is not %s: its magic number is 0x%08x, expected 0x%08x",
                    file, what, found, expected));
        }
    }

    private static int dimension(DataInputStream in, String file, String what) throws IOException {
        int value = in.readInt();
        if (value <= 0) {
            throw new IllegalArgumentException(file + " has " + what + " " + value + " in its header; the file is damaged");
        }
        return value;
    }
}
