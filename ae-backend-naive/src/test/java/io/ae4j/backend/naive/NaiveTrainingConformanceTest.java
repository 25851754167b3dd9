package io.ae4j.backend.naive;

import io.ae4j.spi.Backend;
import io.ae4j.tck.TrainingConformanceTest;

class NaiveTrainingConformanceTest extends TrainingConformanceTest {

    @Override
    protected Backend backend() {
        return new NaiveBackend();
    }
}
