package io.ae4j.backend.ejml;

import io.ae4j.spi.Backend;
import io.ae4j.tck.GradientCheckConformanceTest;

class EjmlGradientCheckConformanceTest extends GradientCheckConformanceTest {

    @Override
    protected Backend backend() {
        return new EjmlBackend();
    }
}
