package io.ae4j.tck;

import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;
import io.ae4j.spi.WorkerThread;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Nested;

/**
 * The conformance kit: everything a backend must do to be an ae4j backend, checked by one test
 * class that the backend's module writes once.
 *
 * <p>To run it, a backend module adds the kit to its test dependencies,
 *
 * <pre>{@code
 * <dependency>
 *   <groupId>io.ae4j</groupId>
 *   <artifactId>ae-tck</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * <dependency>
 *   <groupId>org.junit.jupiter</groupId>
 *   <artifactId>junit-jupiter</artifactId>
 *   <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * <p>and extends this class once, saying which backend and which provider to check:
 *
 * <pre>{@code
 * class MyConformanceTest extends BackendConformanceKit {
 *
 *     @Override
 *     protected Backend backend() {
 *         return new MyBackend();
 *     }
 *
 *     @Override
 *     protected Class<? extends BackendProvider> providerClass() {
 *         return MyBackendProvider.class;
 *     }
 * }
 * }</pre>
 *
 * <p>The provider must be listed in the module's
 * {@code src/main/resources/META-INF/services/io.ae4j.spi.BackendProvider}. The class's name
 * should end in {@code Test}, so that Maven runs it without further configuration.
 *
 * <p>That one class runs every group of checks, each a nested class of this one, so a backend
 * cannot leave a group out, and a group added to the kit runs in every backend:
 * <ul>
 *   <li>{@code Kernels}: every kernel against float64 references, on shapes from 1 x 1 to over
 *       1000, at the edge values where float32 code goes wrong, and from several threads;</li>
 *   <li>{@code VariantKernels}: the noise, mask, sparsity and variational kernels, including the
 *       distributions of the random ones;</li>
 *   <li>{@code GradientChecks}: whole-network gradients against central differences of the loss,
 *       through every layer, activation and loss;</li>
 *   <li>{@code Models}: inference, saving and loading, fit's options, bad input and threads;</li>
 *   <li>{@code Variants}: denoising, dropout, sparse and variational models train, save and load;</li>
 *   <li>{@code Training}: known problems converge, optimizers follow their definitions, runs
 *       repeat, and a training step allocates nothing in steady state;</li>
 *   <li>{@code ProviderContract}: the service loader finds the provider, its probe never throws and
 *       says why the backend cannot run where it cannot, and it creates a working backend.</li>
 * </ul>
 *
 * <p>The checks hold every backend to the same numbers. Where a backend has a good reason to
 * differ, it overrides one of the hooks below and says why in its own javadoc.
 */
public abstract class BackendConformanceKit {

    /**
     * The JUnit tag of the checks that training allocates nothing in steady state. Whether
     * compiled code allocates is the JIT's decision as well as the backend's: a build that runs the
     * kit where the JIT is known to decide otherwise, such as a vector width forced narrower than
     * the machine's, leaves these checks out with {@code <excludedGroups>allocation</excludedGroups>}.
     */
    public static final String ALLOCATION_CHECKS = "allocation";

    /**
     * The tag of the checks that two runs of the same computation agree bit for bit. A backend
     * whose results depend on the JIT's progress cannot pass them: the Vector API's exponential,
     * for one, gives other last bits compiled than interpreted. Such a backend should be mended
     * rather than excused, but a build can leave these checks out with
     * {@code <excludedGroups>bitwise</excludedGroups>} and say why.
     */
    public static final String BITWISE_REPEAT_CHECKS = "bitwise";

    /**
     * The backend under test, as its provider creates it for users. Called for every test, and
     * more than once by some, so it should return a new backend each time.
     *
     * @return a new backend
     */
    protected abstract Backend backend();

    /**
     * The provider that the module lists in {@code META-INF/services/io.ae4j.spi.BackendProvider}.
     *
     * @return the provider's class
     */
    protected abstract Class<? extends BackendProvider> providerClass();

    /**
     * The backend that the kernel, gradient-check and variant groups run on; by default
     * {@link #backend()}. Many of those groups' arrays are short. A backend that leaves short
     * arrays to simpler code, and uses its fast kernels only above some length, returns here one
     * that uses them at every length, so that the kit checks the fast kernels on every shape. The
     * model and training groups keep running {@link #backend()}, which checks the simpler code.
     *
     * @return the backend for the kernel checks
     */
    protected Backend backendForKernelChecks() {
        return backend();
    }

    /**
     * Heap bytes a training step may allocate in steady state, on average over many steps and all
     * threads. Backends whose tensors and scratch are preallocated allocate nothing; a backend that
     * must create objects per library call (JNI op descriptors) overrides this with its measured
     * figure and says why.
     *
     * @return the bytes, 0 by default
     */
    protected long maxBytesAllocatedPerStep() {
        return 0;
    }

    /**
     * Heap bytes a step may allocate on top of {@link #maxBytesAllocatedPerStep()} when the model
     * is large enough for the backend to split its matrix products over threads. A backend whose
     * library creates tasks per concurrent product overrides this with its measured figure and
     * says why.
     *
     * @return the bytes, 0 by default
     */
    protected long maxExtraBytesPerStepWithConcurrentProducts() {
        return 0;
    }

    /**
     * Whether {@code thread} may do the backend's work, so that what it allocates while training is
     * metered along with the training thread's. By default {@link WorkerThread}s, which the naive
     * and vector backends split products over, and the workers of fork/join pools, which EJML's
     * concurrent products run on. A backend that works on threads of another kind says
     * which.
     *
     * @param thread a live thread
     * @return whether its allocations count as the backend's
     */
    protected boolean isBackendWorker(Thread thread) {
        return thread instanceof WorkerThread || thread instanceof ForkJoinWorkerThread;
    }

    // Each group below is one of the kit's test classes, handed the backend and the hooks above.
    // The groups' methods share the names of the kit's, hence the BackendConformanceKit.this.

    /** {@link KernelConformanceTest} on {@link #backendForKernelChecks()}. */
    @Nested
    class Kernels extends KernelConformanceTest {

        @Override
        protected Backend backend() {
            return backendForKernelChecks();
        }
    }

    /** {@link VariantKernelConformanceTest} on {@link #backendForKernelChecks()}. */
    @Nested
    class VariantKernels extends VariantKernelConformanceTest {

        @Override
        protected Backend backend() {
            return backendForKernelChecks();
        }
    }

    /** {@link GradientCheckConformanceTest} on {@link #backendForKernelChecks()}. */
    @Nested
    class GradientChecks extends GradientCheckConformanceTest {

        @Override
        protected Backend backend() {
            return backendForKernelChecks();
        }
    }

    /** {@link ModelConformanceTest} on {@link #backend()}. */
    @Nested
    class Models extends ModelConformanceTest {

        @Override
        protected Backend backend() {
            return BackendConformanceKit.this.backend();
        }
    }

    /** {@link VariantConformanceTest} on {@link #backendForKernelChecks()}. */
    @Nested
    class Variants extends VariantConformanceTest {

        @Override
        protected Backend backend() {
            return backendForKernelChecks();
        }
    }

    /** {@link TrainingConformanceTest} on {@link #backend()}, with the kit's allocation limits. */
    @Nested
    class Training extends TrainingConformanceTest {

        @Override
        protected Backend backend() {
            return BackendConformanceKit.this.backend();
        }

        @Override
        protected long maxBytesAllocatedPerStep() {
            return BackendConformanceKit.this.maxBytesAllocatedPerStep();
        }

        @Override
        protected long maxExtraBytesPerStepWithConcurrentProducts() {
            return BackendConformanceKit.this.maxExtraBytesPerStepWithConcurrentProducts();
        }

        @Override
        protected boolean isBackendWorker(Thread thread) {
            return BackendConformanceKit.this.isBackendWorker(thread);
        }
    }

    /** {@link ProviderConformanceTest} on {@link #providerClass()}. */
    @Nested
    class ProviderContract extends ProviderConformanceTest {

        @Override
        protected Class<? extends BackendProvider> providerClass() {
            return BackendConformanceKit.this.providerClass();
        }
    }
}
