package io.ae4j.backend.nd4j;

import io.ae4j.spi.Backend;
import io.ae4j.tck.VariantConformanceTest;

class Nd4jVariantConformanceTest extends VariantConformanceTest {

    @Override
    protected Backend backend() {
        return new Nd4jBackend();
    }
}
