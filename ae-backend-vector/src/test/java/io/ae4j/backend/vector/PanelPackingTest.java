package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The packing of B into the micro-kernel's panels, both of its paths: whole panels a row of B at
 * a time, and a panel at a time (transposed B, and the last, partial panel), with every width
 * around the four rows a transposed B is read at once, at an offset into the panel array.
 */
class PanelPackingTest {

    private static final int NR = VectorGemm.NR;
    private static final int DEPTH = 4;
    private static final int FIRST_DEPTH = 1;
    private static final int KC = 3;

    /** b holding 1, 2, 3, ...: {@code DEPTH x n}, or {@code n x DEPTH} to be transposed. */
    private static float[] counting(int size) {
        float[] b = new float[size];
        for (int i = 0; i < b.length; i++) {
            b[i] = 1 + i;
        }
        return b;
    }

    /** Element (p, j) of op(b), p counted from 0 in the whole of op(b). */
    private static float op(boolean transposeB, float[] b, int n, int p, int j) {
        return transposeB ? b[j * DEPTH + p] : b[p * n + j];
    }

    @Test
    void everyValueLandsWherePanelsPutItAndThePaddingIsZero() {
        int n = 3 * NR + 5;
        float[] b = counting(DEPTH * n);
        for (boolean transposeB : new boolean[] {false, true}) {
            for (int width : new int[] {1, 3, 4, 5, NR - 1, NR, NR + 3, 2 * NR + 3}) {
                int col = 2;
                int panels = (width + NR - 1) / NR;
                int offset = 5;
                float[] panel = new float[offset + panels * KC * NR + 3];
                Arrays.fill(panel, Float.NaN);    // every slot must be written
                VectorGemm.packPanelsB(transposeB, b, n, DEPTH, FIRST_DEPTH, KC, col, width, panel, offset);
                for (int i : new int[] {0, 1, 2, 3, offset - 1, panel.length - 3, panel.length - 2, panel.length - 1}) {
                    assertTrue(Float.isNaN(panel[i]), "wrote outside the panels at " + i);
                }
                for (int q = 0; q < panels; q++) {
                    for (int p = 0; p < KC; p++) {
                        for (int j = 0; j < NR; j++) {
                            int column = q * NR + j;
                            float expected = column < width
                                    ? op(transposeB, b, n, FIRST_DEPTH + p, col + column) : 0f;
                            assertEquals(expected, panel[offset + q * KC * NR + p * NR + j], "transposeB " + transposeB
                                    + ", width " + width + ", panel " + q + ", depth " + p + ", column " + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void wholePanelsPackedTogetherEqualPanelsPackedOneByOne() {
        int n = 3 * NR + 5;
        float[] b = counting(DEPTH * n);
        int width = 2 * NR + 3;
        for (boolean transposeB : new boolean[] {false, true}) {
            float[] together = new float[3 * KC * NR];
            VectorGemm.packPanelsB(transposeB, b, n, DEPTH, FIRST_DEPTH, KC, 2, width, together, 0);
            float[] alone = new float[together.length];
            for (int j = 0; j < width; j += NR) {
                float[] one = new float[KC * NR];
                VectorGemm.packPanelsB(transposeB, b, n, DEPTH, FIRST_DEPTH, KC, 2 + j, Math.min(NR, width - j), one, 0);
                System.arraycopy(one, 0, alone, j * KC, one.length);
            }
            assertArrayEquals(alone, together, "transposeB " + transposeB);
        }
    }
}
