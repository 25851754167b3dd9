package io.ae4j.backend.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Runs every Vector API operation the kernels use, over and over, once per JVM and before any
 * kernel runs, so that the API's shared dispatch code has seen them all when the JIT compiles it.
 *
 * <p>On JDK 17, C2 compiles an operation to a SIMD instruction only where it knows the exact
 * class of each vector, which it takes from profiles and guards with a trap. Each operation
 * passes its operator through two shared methods ({@code VectorOperators.opCode}, which casts it,
 * and {@code ImplCache.find}, which looks up its fallback the first time). Compiled while they had
 * seen one operator class, they trap on the next one, four times each, and C2 adds those traps
 * again for every operation it inlines into a kernel: past 100 in one compilation, it stops
 * guarding classes there, and the kernel's remaining operations run the API's Java fallback,
 * allocating every vector. Which kernels that hit, if any, depended on the order in which a run
 * first used its operations: about one run of the conformance kit in three, sigmoid's and tanh's
 * loops and the 8 x 2 micro-kernel among them.
 *
 * <p>Running all of them here first fills the operators' caches and gives those two methods
 * profiles of many classes, which C2 compiles without guards that could trap. The
 * {@value #ROUNDS} rounds of a dozen operations take about 0.1 s, once per JVM.
 */
final class DispatchProfiles {

    /** Enough for the shared methods to be profiled by C1 and compiled by C2 while these run. */
    private static final int ROUNDS = 1_000;

    private DispatchProfiles() {
    }

    /** Runs the operations; only their effect on the JIT matters. */
    static void prime() {
        VectorSpecies<Float> f = VectorLanes.FLOATS;
        FloatVector x = FloatVector.broadcast(f, 0.5f);
        FloatVector y = FloatVector.broadcast(f, -2f);
        for (int round = 0; round < ROUNDS; round++) {
            // One of each operator class in turn: associative, binary, unary, ternary, test, shift.
            FloatVector a = x.add(y).mul(x).max(y).min(x);
            FloatVector b = a.sub(y).div(x).neg().abs().sqrt();
            FloatVector c = a.fma(b, y).blend(b, a.compare(VectorOperators.LT, 0f));
            c = c.blend(a, c.compare(VectorOperators.GT, 0f)).blend(b, c.compare(VectorOperators.GE, 1f));
            IntVector bits = c.reinterpretAsInts().sub(1).add(2);
            bits = bits.lanewise(VectorOperators.ASHR, 1).lanewise(VectorOperators.LSHL, 1);
            bits.reinterpretAsFloats().reduceLanes(VectorOperators.ADD);
        }
    }
}
