package io.ae4j.backend.vector;

import io.ae4j.spi.Backend;
import io.ae4j.tck.TrainingConformanceTest;

/**
 * The kit on the backend as users get it, short arrays on the scalar kernels: the kit's small
 * models run those, its wide model the SIMD kernels and the thread pool.
 */
class VectorTrainingConformanceTest extends TrainingConformanceTest {

    @Override
    protected Backend backend() {
        return new VectorBackend();
    }
}
