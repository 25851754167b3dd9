package io.ae4j.backend.nd4j;

import io.ae4j.spi.Backend;
import io.ae4j.tck.KernelConformanceTest;

class Nd4jKernelConformanceTest extends KernelConformanceTest {

    @Override
    protected Backend backend() {
        return new Nd4jBackend();
    }
}
