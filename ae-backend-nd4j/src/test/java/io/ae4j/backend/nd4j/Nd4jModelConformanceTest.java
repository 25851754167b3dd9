package io.ae4j.backend.nd4j;

import io.ae4j.spi.Backend;
import io.ae4j.tck.ModelConformanceTest;

class Nd4jModelConformanceTest extends ModelConformanceTest {

    @Override
    protected Backend backend() {
        return new Nd4jBackend();
    }
}
