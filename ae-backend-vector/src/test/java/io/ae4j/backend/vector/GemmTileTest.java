package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The GEMM tile fits the register file, and the override names only written-out kernels. */
class GemmTileTest {

    @Test
    void tileFollowsTheRegisterFileAndTheJit() {
        assertArrayEquals(new int[] {8, 2}, GemmTile.choose(null, 32, 17));
        assertArrayEquals(new int[] {8, 2}, GemmTile.choose(null, 32, 25));
        assertArrayEquals(new int[] {6, 2}, GemmTile.choose(null, 16, 17));
        assertArrayEquals(new int[] {6, 2}, GemmTile.choose(" ", 16, 17));
        assertArrayEquals(new int[] {5, 2}, GemmTile.choose(null, 16, 21));
        assertArrayEquals(new int[] {5, 2}, GemmTile.choose(null, 16, 25));
    }

    @Test
    void propertyForcesAWrittenOutKernel() {
        assertArrayEquals(new int[] {6, 2}, GemmTile.choose("6x2", 32, 17));
        assertArrayEquals(new int[] {8, 2}, GemmTile.choose(" 8X2 ", 16, 17));
        assertArrayEquals(new int[] {5, 2}, GemmTile.choose("5x2", 32, 17));
        assertArrayEquals(new int[] {6, 2}, GemmTile.choose("6x2", 16, 25));
        assertThrows(IllegalArgumentException.class, () -> GemmTile.choose("4x2", 32, 17));
        assertThrows(IllegalArgumentException.class, () -> GemmTile.choose("12x2", 32, 17));
        assertThrows(IllegalArgumentException.class, () -> GemmTile.choose("8", 32, 17));
    }

    /** -XX:UseAVX=2 on an AVX-512 machine must count 16 registers, as C2 then allocates. */
    @Test
    void registersFollowUseAvx() {
        boolean avx2Forced = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.matches("-XX:UseAVX=[0-2]"));
        assumeTrue(System.getProperty("os.arch").equals("amd64") && avx2Forced,
                "runs in the build's -XX:UseAVX=2 execution on x86");
        assertEquals(16, GemmTile.vectorRegisters());
        assertEquals(Runtime.version().feature() <= 17 ? 6 : 5, GemmTile.ROWS);
    }
}
