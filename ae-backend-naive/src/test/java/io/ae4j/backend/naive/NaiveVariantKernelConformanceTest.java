package io.ae4j.backend.naive;

import io.ae4j.spi.Backend;
import io.ae4j.tck.VariantKernelConformanceTest;

class NaiveVariantKernelConformanceTest extends VariantKernelConformanceTest {

    @Override
    protected Backend backend() {
        return new NaiveBackend();
    }
}
