package io.ae4j.guice.archfixture;

import io.ae4j.spi.Backend;
import io.ae4j.spi.kernels.HeapBackend;

/** Classes in ae-guice's packages, for {@code LayeringRulesCanFailTest}. */
public final class GuiceFixtures {

    private GuiceFixtures() {
    }

    /** Breaks rule 5: an integration on the backends' shared kernels. */
    public static final class UsesTheKernels {
        private UsesTheKernels() {
        }

        static boolean onTheHeap(Backend backend) {
            return backend instanceof HeapBackend;
        }
    }
}
