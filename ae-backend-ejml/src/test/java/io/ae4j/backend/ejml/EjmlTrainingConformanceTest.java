package io.ae4j.backend.ejml;

import io.ae4j.spi.Backend;
import io.ae4j.tck.TrainingConformanceTest;

class EjmlTrainingConformanceTest extends TrainingConformanceTest {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }
}
