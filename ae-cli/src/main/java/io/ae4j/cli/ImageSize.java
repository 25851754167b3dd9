package io.ae4j.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The size of one image in pixels, as {@code --image HxW} gives it: {@code 28x28} is 28 rows of 28 pixels. */
record ImageSize(int height, int width) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*[xX]\\s*(\\d{1,9})\\s*");

    /** Reads {@code text} given to {@code option}, refusing anything but two whole numbers of at least 1. */
    static ImageSize parse(String option, String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " must be HEIGHTxWIDTH in pixels, such as 28x28, got '" + text + "'");
        }
        int height = Integer.parseInt(m.group(1));
        int width = Integer.parseInt(m.group(2));
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(option + " must have a height and width of at least 1 pixel, got '"
                    + text + "'");
        }
        return new ImageSize(height, width);
    }

    /** The pixels of one image; a long, as 65536 x 65536 does not fit an int. */
    long pixels() {
        return (long) height * width;
    }

    /**
     * Refuses this size for images of {@code values} values each, as {@code option} given for
     * {@code source}, which makes them; suggests the square size where {@code values} is a square.
     */
    void requireValues(String option, int values, String source) {
        if (pixels() != values) {
            int side = (int) Math.round(Math.sqrt(values));
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %dx%d is %,d pixels but %s makes %,d values per sample; give a height and width whose product is %d%s",
                    option, height, width, pixels(), source, values, values,
                    side * side == values ? ", such as " + side + "x" + side : ""));
        }
    }

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
