package io.ae4j.cli;

import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import io.ae4j.model.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Greyscale images laid out in a grid and written as a PNG: each matrix is one row of the grid,
 * each of its rows one image of {@code height x width} pixels in [0, 1] (clipped), drawn
 * {@link #SCALE} times enlarged with a gap between images.
 */
final class ImageGrid {

    static final int SCALE = 3;
    private static final int GAP = 4;

    private ImageGrid() {
    }

    /**
     * Refuses a grid of {@code gridRows} rows of {@code columns} images of {@code size} that no
     * picture can hold: more pixels than one array holds, or than the heap has room for while the
     * picture is drawn and encoded.
     *
     * @param what what the picture shows, as the subject of "... need about 3.0 GB", for example "a picture of 5 samples"
     */
    static void requireDrawable(String what, int gridRows, long columns, ImageSize size) {
        long width = columns * (size.width() * (long) SCALE + GAP) + GAP;
        long height = gridRows * (size.height() * (long) SCALE + GAP) + GAP;
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE || width * height > JavaHeap.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s would be %,d x %,d pixels, more than one picture holds; ask for fewer images", what, width, height));
        }
        // The picture's pixels (4 bytes each) and about as much again for the PNG encoder's buffers.
        JavaHeap.requireMax(8 * width * height, what, "ask for fewer images");
    }

    /** Writes the grid atomically. Every matrix must have as many rows (images). */
    static void write(Path png, int height, int width, FloatMatrix... gridRows) throws IOException {
        BufferedImage image = image(height, width, gridRows);
        AtomicFiles.write(png, temporary -> ImageIO.write(image, "png", temporary.toFile()));
    }

    /** The grid as a picture. Every matrix must have as many rows (images). */
    static BufferedImage image(int height, int width, FloatMatrix... gridRows) {
        int columns = gridRows[0].rows();
        int cellWidth = width * SCALE + GAP;
        int cellHeight = height * SCALE + GAP;
        BufferedImage image = new BufferedImage(columns * cellWidth + GAP, gridRows.length * cellHeight + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int r = 0; r < gridRows.length; r++) {
            float[] pixels = gridRows[r].data();
            for (int c = 0; c < columns; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        float v = Math.max(0f, Math.min(1f, pixels[c * height * width + y * width + x]));
                        // Dark on light, as clothing and digits are usually shown.
                        int grey = Math.round(255 * (1 - v));
                        g.setColor(new Color(grey, grey, grey));
                        g.fillRect(GAP + c * cellWidth + x * SCALE, GAP + r * cellHeight + y * SCALE, SCALE, SCALE);
                    }
                }
            }
        }
        g.dispose();
        return image;
    }
}
