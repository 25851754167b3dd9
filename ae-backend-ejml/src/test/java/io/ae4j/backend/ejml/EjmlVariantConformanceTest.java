package io.ae4j.backend.ejml;

import io.ae4j.spi.Backend;
import io.ae4j.tck.VariantConformanceTest;

class EjmlVariantConformanceTest extends VariantConformanceTest {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }
}
