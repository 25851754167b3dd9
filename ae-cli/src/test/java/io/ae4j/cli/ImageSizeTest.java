package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageSizeTest {

    @Test
    void readsHeightByWidth() {
        assertEquals(new ImageSize(28, 14), ImageSize.parse("--image", "28x14"));
        assertEquals(new ImageSize(3, 4), ImageSize.parse("--image", " 3 X 4 "));
    }

    @Test
    void refusesAnythingButTwoPositiveWholeNumbersNamingTheOption() {
        for (String text : new String[] {"28", "axb", "28x", "x28", "2.5x3", "-3x3", "3x3x3", "99999999999x1"}) {
            assertEquals("--image must be HEIGHTxWIDTH in pixels, such as 28x28, got '" + text + "'",
                    assertThrows(IllegalArgumentException.class, () -> ImageSize.parse("--image", text)).getMessage());
        }
        assertEquals("--image must have a height and width of at least 1 pixel, got '0x5'",
                assertThrows(IllegalArgumentException.class, () -> ImageSize.parse("--image", "0x5")).getMessage());
    }

    @Test
    void countsPixelsWithoutOverflowAndComparesThemWithTheValues() {
        ImageSize huge = ImageSize.parse("--image", "65536x65536");
        assertEquals(4_294_967_296L, huge.pixels());
        assertEquals("--image 65536x65536 is 4,294,967,296 pixels but model.ae4j makes 16 values per sample;"
                        + " give a height and width whose product is 16, such as 4x4",
                assertThrows(IllegalArgumentException.class, () -> huge.requireValues("--image", 16, "model.ae4j"))
                        .getMessage());
        assertEquals("--image 3x3 is 9 pixels but m makes 10 values per sample; give a height and width whose product is 10",
                assertThrows(IllegalArgumentException.class,
                        () -> new ImageSize(3, 3).requireValues("--image", 10, "m")).getMessage());
        assertDoesNotThrow(() -> new ImageSize(2, 5).requireValues("--image", 10, "m"));
    }
}
