package io.ae4j.data.file;

import static io.ae4j.data.file.Expect.dataError;
import static io.ae4j.data.file.Expect.illegal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.FloatMatrix;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    @TempDir
    Path dir;

    /** Writes an IDX file: magic number, sizes, then {@code bytes}; gzip-compressed if asked. */
    private Path idx(String name, boolean gzip, int magic, int[] sizes, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        OutputStream raw = Files.newOutputStream(file);
        try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int size : sizes) {
                out.writeInt(size);
            }
            out.write(bytes);
        }
        return file;
    }

    /** {@code count} images of {@code height x width} whose pixel i is {@code (i * 7) % 256}. */
    private static byte[] pixels(int count, int height, int width) {
        byte[] bytes = new byte[count * height * width];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 % 256);
        }
        return bytes;
    }

    @Test
    void imagesAreRowsOfPixelsOver255PlainOrGzipped() throws IOException {
        byte[] bytes = pixels(5, 3, 2);
        for (boolean gzip : new boolean[] {false, true}) {
            Dataset d = IdxReader.read(idx("img" + gzip, gzip, IMAGES, new int[] {5, 3, 2}, bytes));
            assertEquals(5, d.features().rows());
            assertEquals(6, d.features().cols());
            assertEquals(new ImageShape(3, 2), d.imageShape().orElseThrow());
            assertEquals(List.of("pixel0", "pixel1", "pixel2", "pixel3", "pixel4", "pixel5"), d.columnNames());
            assertFalse(d.hasLabels());
            for (int i = 0; i < bytes.length; i++) {
                assertEquals((bytes[i] & 0xff) / 255f, d.features().data()[i], "pixel " + i);
            }
        }
    }

    @Test
    void fullRangeOfPixelValuesMapsOntoZeroToOne() throws IOException {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        FloatMatrix m = IdxReader.read(idx("ramp", false, IMAGES, new int[] {1, 16, 16}, all)).features();
        assertEquals(0f, m.get(0, 0));
        assertEquals(128 / 255f, m.get(0, 128));
        assertEquals(1f, m.get(0, 255));
    }

    @Test
    void manyImagesAreReadInChunks() throws IOException {
        byte[] bytes = pixels(300, 28, 28); // 235,200 bytes: several 64 KiB chunks and a grown array
        FloatMatrix m = IdxReader.read(idx("many.gz", true, IMAGES, new int[] {300, 28, 28}, bytes)).features();
        assertEquals(300 * 784, m.data().length);
        assertEquals((bytes[bytes.length - 1] & 0xff) / 255f, m.get(299, 783));
        assertEquals((bytes[70000] & 0xff) / 255f, m.data()[70000]);
    }

    @Test
    void labelsAreUnsignedBytesAndPairWithTheirImages() throws IOException {
        byte[] labels = {0, 9, 3, (byte) 200};
        assertArrayEquals(new int[] {0, 9, 3, 200}, IdxReader.readLabels(idx("lab.gz", true, LABELS, new int[] {4}, labels)));
        Dataset d = IdxReader.read(idx("img", false, IMAGES, new int[] {4, 2, 2}, pixels(4, 2, 2)),
                idx("lab", false, LABELS, new int[] {4}, labels));
        assertArrayEquals(new int[] {0, 9, 3, 200}, d.labels().orElseThrow());
        assertEquals(List.of(), d.labelNames());
        assertEquals(new ImageShape(2, 2), d.imageShape().orElseThrow());
    }

    @Test
    void aFolderIsReadByTheFileNamesOfMnist() throws IOException {
        idx("train-images-idx3-ubyte.gz", true, IMAGES, new int[] {3, 2, 2}, pixels(3, 2, 2));
        idx("train-labels-idx1-ubyte", false, LABELS, new int[] {3}, new byte[] {1, 2, 3});
        idx("t10k-images.idx3-ubyte", false, IMAGES, new int[] {2, 2, 2}, pixels(2, 2, 2));
        idx("t10k-labels.idx1-ubyte.gz", true, LABELS, new int[] {2}, new byte[] {7, 8});
        Dataset train = IdxReader.readFolder(dir, "train");
        assertEquals(3, train.features().rows());
        assertArrayEquals(new int[] {1, 2, 3}, train.labels().orElseThrow());
        Dataset test = IdxReader.readFolder(dir, "t10k");
        assertArrayEquals(new int[] {7, 8}, test.labels().orElseThrow());
    }

    @Test
    void aFolderWithoutTheFilesSaysWhatItHolds() throws IOException {
        idx("train-images-idx3-ubyte", false, IMAGES, new int[] {1, 1, 1}, new byte[1]);
        dataError(() -> IdxReader.readFolder(dir, "train"), "has no train-labels-idx1-ubyte (nor with .gz)",
                "it holds train-images-idx3-ubyte");
        dataError(() -> IdxReader.readFolder(dir, "t10k"), "has no t10k-images-idx3-ubyte");
        dataError(() -> IdxReader.readFolder(dir.resolve("nowhere"), "train"), "no such folder: ");
        illegal(() -> IdxReader.readFolder(dir, "test"), "\"train\" or \"t10k\"", "got", "\"test\"");
    }

    @Test
    void aWrongMagicNumberSaysWhatWasFoundAndWhatIsExpected() throws IOException {
        Path labels = idx("labels", false, LABELS, new int[] {2}, new byte[] {1, 2});
        dataError(() -> IdxReader.read(labels), "labels: magic number 0x00000801, expected 0x00000803",
                "this is a label file; give it as the labels");
        Path images = idx("images.gz", true, IMAGES, new int[] {1, 1, 1}, new byte[1]);
        dataError(() -> IdxReader.readLabels(images), "images.gz: magic number 0x00000803, expected 0x00000801",
                "this is an image file; give it as the images");
        dataError(() -> IdxReader.read(labels, images), "images.gz: magic number 0x00000803, expected 0x00000801");
        Path text = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        dataError(() -> IdxReader.read(text), "data.csv: magic number 0x612c620a, expected 0x00000803",
                "not an IDX file");
        Path floats = idx("floats", false, 0x00000D03, new int[] {1, 1, 1}, new byte[4]);
        dataError(() -> IdxReader.read(floats), "floats: magic number 0x00000d03", "IDX type 0x0d",
                "only unsigned bytes (0x08)");
        Path twoDims = idx("flat", false, 0x00000802, new int[] {2, 4}, new byte[8]);
        dataError(() -> IdxReader.read(twoDims), "flat: magic number 0x00000802", "it has 2 dimensions where images have 3");
    }

    @Test
    void truncatedAndDamagedFilesAreNamed() throws IOException {
        Path shortImages = idx("short.gz", true, IMAGES, new int[] {10, 28, 28}, new byte[100]);
        dataError(() -> IdxReader.read(shortImages), "short.gz is truncated: its header announces 10 images of 28 x 28, "
                + "7840 bytes of pixels, but only 100 follow");
        Path shortLabels = idx("short-labels", false, LABELS, new int[] {5}, new byte[3]);
        dataError(() -> IdxReader.readLabels(shortLabels), "short-labels is truncated: its header announces 5 labels "
                + "but only 3 follow");
        Path header = Files.write(dir.resolve("header"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0});
        dataError(() -> IdxReader.read(header), "header is truncated: it ends inside its header, at the size of "
                + "dimension 2 of 3");
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0, 0});
        dataError(() -> IdxReader.read(tiny), "tiny is not an IDX file: it has only 2 bytes");
        Path zero = idx("zero", false, IMAGES, new int[] {0, 28, 28}, new byte[0]);
        dataError(() -> IdxReader.read(zero), "zero is damaged: its header gives image count 0");
        Path huge = idx("huge", false, IMAGES, new int[] {1, -1, 1}, new byte[0]);
        dataError(() -> IdxReader.read(huge), "huge is damaged: its header gives height 4294967295");
        Path tooMany = idx("toomany", false, IMAGES, new int[] {100000, 200, 200}, new byte[0]);
        dataError(() -> IdxReader.read(tooMany), "toomany holds 100000 images of 200 x 200", "more than one array holds");
        Path longer = idx("longer", false, IMAGES, new int[] {1, 2, 2}, new byte[5]);
        dataError(() -> IdxReader.read(longer), "longer has more bytes than its header announces (1 images of 2 x 2)");
        Path longerLabels = idx("longer-labels", false, LABELS, new int[] {1}, new byte[2]);
        dataError(() -> IdxReader.readLabels(longerLabels), "longer-labels has more bytes than its header announces");
    }

    @Test
    void declaredSizesBeyondAnArrayAreNamedWithoutOverflowing() throws IOException {
        Path plain = idx("wide-images", false, IMAGES, new int[] {1, 65536, 65536}, new byte[100]);
        DataFileException e = dataError(() -> IdxReader.read(plain), "wide-images declares images of 65536 x 65536, "
                + "4294967296 pixels each, more than one array holds", "its header is likely damaged",
                "the file is too short for the dimensions it declares, with only 100 bytes of pixels");
        assertEquals("wide-images", e.file());
        Path gzip = idx("wide-images.gz", true, IMAGES, new int[] {1, 65536, 65536}, new byte[100]);
        dataError(() -> Dataset.read(gzip), "wide-images.gz declares images of 65536 x 65536, 4294967296 pixels each");
        Path many = idx("many", false, IMAGES, new int[] {Integer.MAX_VALUE, 46341, 46340}, new byte[10]);
        dataError(() -> IdxReader.read(many), "many holds 2147483647 images of 46341 x 46340", "more than one array "
                + "holds", "too short for the dimensions it declares, with only 10 bytes of pixels");
    }

    @Test
    void anUncompressedFileIsMeasuredAgainstItsHeaderBeforeItsPixelsAreRead() throws IOException {
        Path images = idx("short-images", false, IMAGES, new int[] {60000, 28, 28}, new byte[1000]);
        dataError(() -> IdxReader.read(images), "short-images is truncated: its header announces 60000 images of "
                + "28 x 28, 47040000 bytes of pixels, but only 1000 follow");
        Path labels = idx("short-labels", false, LABELS, new int[] {Integer.MAX_VALUE}, new byte[7]);
        dataError(() -> IdxReader.readLabels(labels), "short-labels is truncated: its header announces 2147483647 "
                + "labels but only 7 follow");
    }

    @Test
    void aDamagedGzipFileSaysHowFarItCouldBeRead() throws IOException {
        byte[] whole = Files.readAllBytes(idx("whole.gz", true, IMAGES, new int[] {200, 28, 28}, pixels(200, 28, 28)));
        Path cut = Files.write(dir.resolve("cut-images.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        dataError(() -> IdxReader.read(cut), "cut-images.gz is a damaged gzip file: it is truncated",
                "could be read only up to ", " bytes of pixels");
        byte[] labels = Files.readAllBytes(idx("labels.gz", true, LABELS, new int[] {5000}, pixels(1, 50, 100)));
        Path cutLabels = Files.write(dir.resolve("cut-labels.gz"), java.util.Arrays.copyOf(labels, labels.length - 12));
        dataError(() -> IdxReader.readLabels(cutLabels), "cut-labels.gz is a damaged gzip file: it is truncated",
                "could be read only up to ", " labels");
    }

    @Test
    void progressCountsBothFilesOnce() throws IOException {
        Path images = idx("p-images", false, IMAGES, new int[] {3000, 28, 28}, pixels(3000, 28, 28));
        Path labels = idx("p-labels.gz", true, LABELS, new int[] {3000}, new byte[3000]);
        long total = Files.size(images) + Files.size(labels);
        List<long[]> calls = new ArrayList<>();
        IdxReader.read(images, labels, (done, all) -> calls.add(new long[] {done, all}));
        assertTrue(calls.size() >= total / ProgressCount.STEP, calls.size() + " calls");
        for (long[] call : calls) {
            assertEquals(total, call[1]);
        }
        assertArrayEquals(new long[] {total, total}, calls.get(calls.size() - 1));
        List<long[]> alone = new ArrayList<>();
        IdxReader.read(images, (done, all) -> alone.add(new long[] {done, all}));
        assertArrayEquals(new long[] {Files.size(images), Files.size(images)}, alone.get(alone.size() - 1));
        illegal(() -> IdxReader.read(images, (ReadProgress) null), "must not be null");
        illegal(() -> IdxReader.read(images, labels, null), "must not be null");
    }

    @Test
    void labelsAndImagesMustBeAsMany() throws IOException {
        Path images = idx("train-images", false, IMAGES, new int[] {3, 1, 1}, new byte[3]);
        Path labels = idx("train-labels", false, LABELS, new int[] {2}, new byte[2]);
        dataError(() -> IdxReader.read(images, labels), "train-labels has 2 labels but train-images has 3 images");
    }

    @Test
    void missingFilesAreNamed() {
        dataError(() -> IdxReader.read(dir.resolve("gone-images")), "no such file: ", "gone-images");
        dataError(() -> IdxReader.readLabels(dir.resolve("gone-labels")), "no such file: ", "gone-labels");
    }
}
