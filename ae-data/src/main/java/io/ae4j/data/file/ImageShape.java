package io.ae4j.data.file;

/**
 * The size of each image when every row of a {@link Dataset} is an image, stored row after row:
 * pixel {@code (y, x)} of an image is column {@code y * width + x}.
 */
public record ImageShape(int height, int width) {

    /**
     * Checks the sides.
     *
     * @param height the rows of pixels
     * @param width the columns of pixels
     * @throws IllegalArgumentException if a side is not positive or the image has more than 2^31 pixels
     */
    public ImageShape {
        if (height <= 0 || width <= 0 || (long) height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an image needs a positive height and width, got " + height + " x "
                    + width);
        }
    }

    /**
     * Pixels per image: the number of columns a row of images has.
     *
     * @return {@code height * width}
     */
    public int pixels() {
        return height * width;
    }
}
