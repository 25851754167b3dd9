package io.ae4j.backend.ejml;

import io.ae4j.spi.Backend;
import io.ae4j.tck.ModelConformanceTest;

class EjmlModelConformanceTest extends ModelConformanceTest {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }
}
