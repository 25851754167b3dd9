package io.ae4j.backend.vector;

import io.ae4j.spi.Backend;
import io.ae4j.tck.VariantConformanceTest;

/** The kit with the vector kernels on every array, not only those long enough to repay them. */
class VectorVariantConformanceTest extends VariantConformanceTest {

    @Override
    protected Backend backend() {
        return new VectorBackend(0);    // every array on the vector kernels, however short
    }
}
