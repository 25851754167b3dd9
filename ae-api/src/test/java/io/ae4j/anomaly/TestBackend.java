package io.ae4j.anomaly;

import io.ae4j.spi.kernels.HeapBackend;

/** ae-api's shared heap kernels on the calling thread: a backend for training small models in this package's tests. */
final class TestBackend extends HeapBackend {

    static final TestBackend INSTANCE = new TestBackend();

    @Override
    public String name() {
        return "heap-test";
    }
}
