package io.ae4j.backend.naive;

import io.ae4j.spi.Backend;
import io.ae4j.tck.VariantConformanceTest;

class NaiveVariantConformanceTest extends VariantConformanceTest {

    @Override
    protected Backend backend() {
        return new NaiveBackend();
    }
}
