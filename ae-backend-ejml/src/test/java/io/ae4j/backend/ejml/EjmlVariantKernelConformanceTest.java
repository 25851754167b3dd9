package io.ae4j.backend.ejml;

import io.ae4j.spi.Backend;
import io.ae4j.tck.VariantKernelConformanceTest;

class EjmlVariantKernelConformanceTest extends VariantKernelConformanceTest {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }
}
