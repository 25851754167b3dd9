package io.ae4j.backend.nd4j;

import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;
import io.ae4j.tck.BackendConformanceKit;

/** The whole conformance kit on the ND4J backend. */
class Nd4jConformanceTest extends BackendConformanceKit {

    @Override
    protected Backend backend() {
        return new Nd4jBackend();
    }

    @Override
    protected Class<? extends BackendProvider> providerClass() {
        return Nd4jBackendProvider.class;
    }

    /**
     * ND4J creates Java objects for every native operation it runs: the op itself, pointer
     * wrappers for each array's buffer and shape, an op context for custom ops, a scalar array
     * for scalar ops; about 0.5 to 8 KB each, none of which its API lets a caller reuse. A step of
     * the kit's network (four dense layers, MSE, Adam) runs about 120 operations, 80 of them in
     * Adam, and measured 262 to 278 KB; the limit leaves room for other JVMs and JIT decisions.
     */
    @Override
    protected long maxBytesAllocatedPerStep() {
        return 350_000;
    }
}
