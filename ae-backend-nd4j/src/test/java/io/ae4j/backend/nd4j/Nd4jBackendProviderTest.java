package io.ae4j.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.spi.Availability;
import io.ae4j.tck.ProviderWithoutLibraries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the kit's provider group cannot know: the reasons this provider gives when ND4J fails to
 * load, which must name the failure and say what to add to the class path.
 */
class Nd4jBackendProviderTest {

    /** The probe of a provider whose loading of ND4J fails with {@code failure}. */
    private static Availability probeFailingWith(Throwable failure) {
        return new Nd4jBackendProvider(() -> {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }).probe();
    }

    @Test
    void aNativeLibraryThatDoesNotLoadIsReportedWithAHint() {
        UnsatisfiedLinkError failure = new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
        Availability a = probeFailingWith(failure);
        assertFalse(a.available());
        assertTrue(a.reason().startsWith("ND4J native library could not load ("), a.reason());
        assertTrue(a.reason().contains("javacpp.platform"), a.reason());
        assertTrue(a.reason().endsWith(failure.toString()), a.reason());
    }

    @Test
    void everyKindOfFailureIsReportedNotThrown() {
        List<Throwable> failures = List.of(
                new NoClassDefFoundError("org/nd4j/linalg/factory/Nd4j"),
                new ExceptionInInitializerError(new IllegalStateException("no backend")),
                new OutOfMemoryError("Cannot allocate new FloatPointer"),
                new RuntimeException("No ND4J backend found"));
        for (Throwable failure : failures) {
            Availability a = probeFailingWith(failure);
            assertFalse(a.available(), failure.toString());
            assertTrue(a.reason().contains(failure.toString()), a.reason());
        }
    }

    @Test
    void theReasonNamesTheInnermostCause() {
        // What ND4J 1.0.0-M2.1 throws when its native jars are missing.
        Availability a = probeFailingWith(new ExceptionInInitializerError(new RuntimeException(
                "ND4J is probably missing dependencies",
                new UnsatisfiedLinkError("no jniopenblas_nolapack in java.library.path"))));
        assertTrue(a.reason().endsWith(", caused by java.lang.UnsatisfiedLinkError: no jniopenblas_nolapack in"
                + " java.library.path"), a.reason());
    }

    @Test
    void withoutNd4jOnTheClassPathTheReasonSaysWhatFailedToLoad() throws Exception {
        try (ProviderWithoutLibraries withoutNd4j = ProviderWithoutLibraries.load(Nd4jBackendProvider.class)) {
            Availability a = withoutNd4j.probe();
            assertFalse(a.available());
            assertTrue(a.reason().startsWith("ND4J native library could not load ("), a.reason());
            assertTrue(a.reason().contains("NoClassDefFoundError"), a.reason());
        }
    }
}
