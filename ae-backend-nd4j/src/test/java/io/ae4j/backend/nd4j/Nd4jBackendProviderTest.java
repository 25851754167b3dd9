package io.ae4j.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.spi.Availability;
import io.ae4j.spi.BackendProvider;
import io.ae4j.spi.Backends;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

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
    void isAvailableHere() {
        Availability a = new Nd4jBackendProvider().probe();
        assertTrue(a.available(), a.reason());
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertTrue(ServiceLoader.load(BackendProvider.class).stream()
                .anyMatch(p -> p.type() == Nd4jBackendProvider.class));
        assertEquals("nd4j", Backends.get("nd4j").name());
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
    void withoutNd4jOnTheClassPathTheProbeReportsItAndDoesNotThrow() throws Exception {
        // This module's classes and ae-api's, but none of ND4J's.
        URL[] classPath = {
            Nd4jBackendProvider.class.getProtectionDomain().getCodeSource().getLocation(),
            Availability.class.getProtectionDomain().getCodeSource().getLocation(),
        };
        try (URLClassLoader withoutNd4j = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> providerClass = Class.forName(Nd4jBackendProvider.class.getName(), true, withoutNd4j);
            Object provider = providerClass.getConstructor().newInstance();
            Object availability = providerClass.getMethod("probe").invoke(provider);
            Class<?> availabilityClass = availability.getClass();
            assertEquals(false, availabilityClass.getMethod("available").invoke(availability));
            String reason = (String) availabilityClass.getMethod("reason").invoke(availability);
            assertTrue(reason.startsWith("ND4J native library could not load ("), reason);
            assertTrue(reason.contains("NoClassDefFoundError"), reason);
        }
    }
}
