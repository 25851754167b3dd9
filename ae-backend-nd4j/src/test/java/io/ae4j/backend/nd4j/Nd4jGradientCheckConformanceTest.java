package io.ae4j.backend.nd4j;

import io.ae4j.spi.Backend;
import io.ae4j.tck.GradientCheckConformanceTest;

class Nd4jGradientCheckConformanceTest extends GradientCheckConformanceTest {

    @Override
    protected Backend backend() {
        return new Nd4jBackend();
    }
}
