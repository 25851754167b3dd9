package io.ae4j.backend.vector;

import io.ae4j.spi.Backend;
import io.ae4j.tck.ModelConformanceTest;

class VectorModelConformanceTest extends ModelConformanceTest {

    @Override
    protected Backend backend() {
        return new VectorBackend();
    }
}
