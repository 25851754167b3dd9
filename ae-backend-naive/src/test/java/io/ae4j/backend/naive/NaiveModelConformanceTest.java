package io.ae4j.backend.naive;

import io.ae4j.spi.Backend;
import io.ae4j.tck.ModelConformanceTest;

class NaiveModelConformanceTest extends ModelConformanceTest {

    @Override
    protected Backend backend() {
        return new NaiveBackend();
    }
}
