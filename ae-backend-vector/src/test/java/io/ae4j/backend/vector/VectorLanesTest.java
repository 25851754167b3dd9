package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The lanes are the width asked for, so the narrower test runs really test narrower vectors. */
class VectorLanesTest {

    @Test
    void lanesHaveTheRequestedOrPreferredWidth() {
        String requested = System.getProperty(VectorLanes.BITS_PROPERTY);
        int expected = requested == null ? FloatVector.SPECIES_PREFERRED.vectorBitSize() : Integer.parseInt(requested);
        assertEquals(expected, VectorLanes.FLOATS.vectorBitSize());
        assertEquals(VectorLanes.FLOATS.vectorBitSize() / 32, VectorLanes.FLOATS.length());
        assertEquals(GemmTile.VECTORS * VectorLanes.FLOATS.length(), VectorGemm.NR);
    }
}
