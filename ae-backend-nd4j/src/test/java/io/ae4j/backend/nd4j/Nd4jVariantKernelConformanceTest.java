package io.ae4j.backend.nd4j;

import io.ae4j.spi.Backend;
import io.ae4j.tck.VariantKernelConformanceTest;

class Nd4jVariantKernelConformanceTest extends VariantKernelConformanceTest {

    @Override
    protected Backend backend() {
        return new Nd4jBackend();
    }
}
