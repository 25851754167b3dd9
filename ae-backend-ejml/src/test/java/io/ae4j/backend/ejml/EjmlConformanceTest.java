package io.ae4j.backend.ejml;

import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;
import io.ae4j.tck.BackendConformanceKit;

/** The whole conformance kit on the EJML backend. */
class EjmlConformanceTest extends BackendConformanceKit {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }

    @Override
    protected Class<? extends BackendProvider> providerClass() {
        return EjmlBackendProvider.class;
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
