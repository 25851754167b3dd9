package io.ae4j.backend.ejml;

import io.ae4j.spi.Backend;
import io.ae4j.tck.KernelConformanceTest;

class EjmlKernelConformanceTest extends KernelConformanceTest {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }
}
