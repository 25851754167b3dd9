package io.ae4j.backend.vector;

import io.ae4j.spi.Backend;
import io.ae4j.tck.TrainingConformanceTest;

class VectorTrainingConformanceTest extends TrainingConformanceTest {

    @Override
    protected Backend backend() {
        return new VectorBackend();
    }
}
