package io.ae4j.backend.naive;

import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;
import io.ae4j.tck.BackendConformanceKit;

/** The whole conformance kit on the naive backend. */
class NaiveConformanceTest extends BackendConformanceKit {

    @Override
    protected Backend backend() {
        return new NaiveBackend();
    }

    @Override
    protected Class<? extends BackendProvider> providerClass() {
        return NaiveBackendProvider.class;
    }
}
