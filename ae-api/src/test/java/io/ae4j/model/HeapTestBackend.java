package io.ae4j.model;

import io.ae4j.spi.kernels.HeapBackend;

/** ae-api's shared heap kernels on the calling thread: a backend for loading models in this module's tests. */
final class HeapTestBackend extends HeapBackend {

    @Override
    public String name() {
        return "heap-test";
    }
}
