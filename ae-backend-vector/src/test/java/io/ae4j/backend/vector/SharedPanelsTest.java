package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The panels of B that a split product's threads share: each is packed as the thread's own would
 * be, every thread sees it packed, a new product packs afresh, and a failed packing is reported
 * to the threads that would wait for it rather than leaving them spinning.
 */
class SharedPanelsTest {

    private static final int NR = VectorGemm.NR;

    /** B, 5 x 7 (or 7 x 5 to be transposed), holding 1, 2, 3, ... */
    private static float[] counting(int size, float start) {
        float[] b = new float[size];
        for (int i = 0; i < b.length; i++) {
            b[i] = start + i;
        }
        return b;
    }

    /** The panel of op(b)[1..4)[col..col+width), packed on its own, NR wide. */
    private static float[] packedAlone(boolean transposeB, float[] b, int col, int width) {
        float[] panel = new float[3 * NR];
        VectorGemm.packPanelsB(transposeB, b, 7, 5, 1, 3, col, width, panel, 0);
        return panel;
    }

    @Test
    void aPanelIsPackedAsAThreadPacksItsOwn() {
        for (boolean transposeB : new boolean[] {false, true}) {
            float[] b = counting(35, 1f);
            SharedPanels shared = new SharedPanels();
            shared.reset(2 * 3 * NR, 2, 1, 1);
            shared.ensure(1, transposeB, b, 7, 5, 1, 3, 2, 5, 3 * NR);
            float[] panel = Arrays.copyOfRange(shared.panels(), 3 * NR, 6 * NR);
            assertArrayEquals(packedAlone(transposeB, b, 2, 5), panel, "transposeB " + transposeB);
            // By hand: element (p, j) of op(b) sits at p * NR + j, the columns past the width are zeros.
            float expected = transposeB ? b[(2 + 1) * 5 + 1 + 2] : b[(1 + 2) * 7 + 2 + 1];
            assertEquals(expected, panel[2 * NR + 1]);
            assertEquals(0f, panel[2 * NR + 5]);
        }
    }

    @Test
    void eachThreadStartsAtTheGroupAsFarIntoTheBlockAsItsRowsAreIntoTheProduct() {
        SharedPanels shared = new SharedPanels();
        shared.reset(0, 0, 256, 3);
        assertEquals(6, shared.groupSize(16), "16 panels in groups for 3 threads");
        assertEquals(0, shared.firstPanel(0, 16));
        assertEquals(6, shared.firstPanel(84, 16), "rows 84 of 256 round to the second group");
        assertEquals(12, shared.firstPanel(171, 16));
        assertEquals(12, shared.firstPanel(255, 16), "never past the last group");
        assertEquals(0, shared.firstPanel(171, 1), "a block of one panel has one group");
        assertEquals(1, shared.groupSize(1));
    }

    @Test
    void aGroupOfPanelsIsPackedAsItsPanelsAreOneByOne() {
        int n = 3 * NR + 5;
        float[] b = counting(4 * n, 1f);
        for (boolean transposeB : new boolean[] {false, true}) {
            float[] together = new float[4 * 3 * 4 * NR];
            VectorGemm.packPanelsB(transposeB, b, n, 4, 1, 3, 2, 2 * NR + 3, together, 5);
            float[] alone = new float[together.length];
            for (int j = 0; j < 2 * NR + 3; j += NR) {
                VectorGemm.packPanelsB(transposeB, b, n, 4, 1, 3, 2 + j, Math.min(NR, 2 * NR + 3 - j), alone, 5 + j * 3);
            }
            assertArrayEquals(alone, together, "transposeB " + transposeB);
            // By hand, without a transpose: element (p, col + j) of the second panel, p = 1, j = 4.
            if (!transposeB) {
                assertEquals(b[(1 + 1) * n + 2 + NR + 4], together[5 + NR * 3 + NR + 4]);
            }
        }
    }

    @Test
    void aResetPacksTheNextProductsBAfresh() {
        SharedPanels shared = new SharedPanels();
        shared.reset(3 * NR, 1, 1, 1);
        shared.ensure(0, false, counting(35, 1f), 7, 5, 1, 3, 0, 7, 0);
        float[] next = counting(35, 100f);
        shared.reset(3 * NR, 1, 1, 1);
        shared.ensure(0, false, next, 7, 5, 1, 3, 0, 7, 0);
        assertArrayEquals(packedAlone(false, next, 0, 7), Arrays.copyOf(shared.panels(), 3 * NR));
    }

    @Test
    void threadsAskingForTheSamePanelsAllSeeThemPacked() throws Exception {
        int threads = 4;
        int panels = 64;
        float[] b = counting(64 * NR * 3, 1f);
        int n = panels * NR;
        SharedPanels shared = new SharedPanels();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                shared.reset(panels * 3 * NR, panels, 1, threads);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<float[]>> seen = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    seen.add(pool.submit(() -> {
                        start.await();
                        float[] copy = new float[panels * 3 * NR];
                        for (int i = 0; i < panels; i++) {
                            shared.ensure(i, false, b, n, 3, 0, 3, i * NR, NR, i * 3 * NR);
                            System.arraycopy(shared.panels(), i * 3 * NR, copy, i * 3 * NR, 3 * NR);
                        }
                        return copy;
                    }));
                }
                float[] expected = new float[panels * 3 * NR];
                for (int i = 0; i < panels; i++) {
                    VectorGemm.packPanelsB(false, b, n, 3, 0, 3, i * NR, NR, expected, i * 3 * NR);
                }
                for (Future<float[]> view : seen) {
                    assertArrayEquals(expected, view.get(30, TimeUnit.SECONDS), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedPackingIsReportedToTheOthersNotWaitedFor() {
        SharedPanels shared = new SharedPanels();
        shared.reset(3 * NR, 1, 1, 1);
        float[] tooShort = new float[4];
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> shared.ensure(0, false, tooShort, 7, 5, 1, 3, 0, 7, 0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> shared.ensure(0, false, counting(35, 1f), 7, 5, 1, 3, 0, 7, 0));
        assertTrue(e.getMessage().contains("failed while packing"), e.getMessage());
    }
}
