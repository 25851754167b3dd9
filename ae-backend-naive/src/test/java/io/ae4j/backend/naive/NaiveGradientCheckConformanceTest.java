package io.ae4j.backend.naive;

import io.ae4j.spi.Backend;
import io.ae4j.tck.GradientCheckConformanceTest;

class NaiveGradientCheckConformanceTest extends GradientCheckConformanceTest {

    @Override
    protected Backend backend() {
        return new NaiveBackend();
    }
}
