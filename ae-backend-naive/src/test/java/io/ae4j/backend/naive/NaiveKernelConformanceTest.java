package io.ae4j.backend.naive;

import io.ae4j.spi.Backend;
import io.ae4j.tck.KernelConformanceTest;

class NaiveKernelConformanceTest extends KernelConformanceTest {

    @Override
    protected Backend backend() {
        return new NaiveBackend();
    }
}
