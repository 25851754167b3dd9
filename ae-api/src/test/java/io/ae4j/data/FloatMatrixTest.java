package io.ae4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatMatrixTest {

    @Test
    void arraysOfRowsBecomeOneRowMajorArray() {
        FloatMatrix m = FloatMatrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, m.data());
        assertEquals(5f, m.get(1, 1));
        assertArrayEquals(new float[][] {{4, 5, 6}}, m.rows(1, 2).toArrays());
    }

    @Test
    void raggedRowsNameTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FloatMatrix.of(new float[][] {{1, 2}, {3, 4}, {5}}));
        assertTrue(e.getMessage().contains("row 2 has 1 values but row 0 has 2"), e.getMessage());
    }

    @Test
    void emptyAndNullDataAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(new float[0][]));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(null));
        assertThrows(IllegalArgumentException.class, () -> FloatMatrix.of(new float[][] {{1}, null}));
        assertThrows(IllegalArgumentException.class, () -> new FloatMatrix(new float[5], 2, 3));
    }

    @Test
    void nonFiniteValuesNameRowAndColumn() {
        float[][] rows = new float[4][3];
        rows[2][1] = Float.NEGATIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FloatMatrix.of(rows).requireFinite("training data"));
        assertTrue(e.getMessage().contains("training data has -Infinity at row 2, column 1"), e.getMessage());
    }

    @Test
    void outOfRangeIndicesSayWhere() {
        FloatMatrix m = FloatMatrix.zeros(2, 2);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
        assertTrue(e.getMessage().contains("(2, 0)"), e.getMessage());
    }
}
