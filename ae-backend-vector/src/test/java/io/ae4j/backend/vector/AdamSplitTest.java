package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ae4j.spi.kernels.OptimizerKernels;
import io.ae4j.spi.kernels.RowSplitter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Adam split over threads gives the reference's parameters and moments bit for bit. */
class AdamSplitTest {

    @Test
    void aSplitUpdateEqualsTheReferenceBitForBit() {
        RowSplitter splitter = TwoThreads.splitter("adam-split-test");
        assumeTrue(splitter.threads() == 2, "splitting needs 2 or more processors; this machine has one");
        int size = AdamSplit.MIN_ELEMENTS + 13;    // a scalar tail in the last share
        SplittableRandom random = new SplittableRandom(7);
        float[][] split = new float[4][size];
        for (float[] values : split) {
            for (int i = 0; i < size; i++) {
                values[i] = (float) random.nextDouble(-1, 1);
            }
        }
        split[3] = split[3].clone();
        for (int i = 0; i < size; i++) {
            split[3][i] = Math.abs(split[3][i]);    // v, the second moment, is never negative
        }
        float[][] reference = new float[4][];
        for (int t = 0; t < 4; t++) {
            reference[t] = split[t].clone();
        }
        for (int step = 0; step < 3; step++) {
            AdamSplit.adam(splitter, split[0], split[1], split[2], split[3], 1e-3f, 0.9f, 0.999f, 1e-7f, 0.01f);
            OptimizerKernels.adam(reference[0], reference[1], reference[2], reference[3], 1e-3f, 0.9f, 0.999f, 1e-7f,
                    0.01f, 0, size);
        }
        assertArrayEquals(reference[0], split[0], "parameters");
        assertArrayEquals(reference[2], split[2], "first moments");
        assertArrayEquals(reference[3], split[3], "second moments");
    }
}
