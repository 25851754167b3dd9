package io.ae4j.backend.vector;

import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;
import io.ae4j.tck.BackendConformanceKit;

/**
 * The whole conformance kit on the Vector API backend. The model and training groups run it as
 * users get it, short arrays on the scalar kernels: the kit's small models run those, its wide
 * model the SIMD kernels and the thread pool.
 */
class VectorConformanceTest extends BackendConformanceKit {

    @Override
    protected Backend backend() {
        return new VectorBackend();
    }

    @Override
    protected Class<? extends BackendProvider> providerClass() {
        return VectorBackendProvider.class;
    }

    /** The vector kernels on every array, not only those long enough to repay them. */
    @Override
    protected Backend backendForKernelChecks() {
        return new VectorBackend(0);
    }
}
