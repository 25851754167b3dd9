package io.ae4j.backend.ejml;

import io.ae4j.spi.Backend;
import io.ae4j.tck.TrainingConformanceTest;

class EjmlTrainingConformanceTest extends TrainingConformanceTest {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }

    /**
     * EJML's concurrent products ({@code CommonOps_MT_FDRM}) create their fork/join tasks and
     * per-thread work arrays on every call, on the calling thread and on EJML's workers; the kit's
     * wide model, two products of which are large enough to run concurrently, measured about 2 KB
     * a step. With {@code -Dae4j.threads=1} EJML runs single-threaded and allocates nothing.
     */
    @Override
    protected long maxExtraBytesPerStepWithConcurrentProducts() {
        return 4096;
    }
}
