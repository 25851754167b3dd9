package io.ae4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Discovery and ranking, with fake providers. ae-api's test classpath holds no backend, so a
 * class loader with no services file sees nothing until providers are registered.
 */
@Isolated
class BackendsTest {

    /** A provider whose backend is never used: these tests only choose. */
    private record Fake(String name, int priority, Availability availability) implements BackendProvider {
        @Override
        public Availability probe() {
            return availability;
        }

        @Override
        public Backend create() {
            return (Backend) java.lang.reflect.Proxy.newProxyInstance(Backend.class.getClassLoader(),
                    new Class<?>[] {Backend.class}, (proxy, method, args) -> method.getName().equals("name") ? name : null);
        }
    }

    private static ClassLoader empty() {
        return new URLClassLoader(new URL[0], null);
    }

    @AfterEach
    void reset() {
        System.clearProperty(Backends.PROPERTY);
        Backends.resetForTests();
    }

    @Test
    void noBackendNamesTheArtifactsToAdd() {
        Backends.discover(empty());
        IllegalStateException e = assertThrows(IllegalStateException.class, Backends::get);
        assertTrue(e.getMessage().contains("io.ae4j:ae-backend-naive"), e.getMessage());
        assertTrue(e.getMessage().contains("ServicesResourceTransformer"), e.getMessage());
    }

    @Test
    void highestPriorityWinsAndTiesGoByName() {
        Backends.discover(empty());
        Backends.register(new Fake("zeta", 200, Availability.yes()));
        Backends.register(new Fake("alpha", 200, Availability.yes()));
        Backends.register(new Fake("low", 100, Availability.yes()));
        assertEquals("alpha", Backends.get().name());
        assertEquals(java.util.List.of("alpha", "zeta", "low"), Backends.names());
        assertSame(Backends.get("ZETA"), Backends.get("zeta"), "one instance per backend");
    }

    @Test
    void anUnavailableFavouriteFallsBackAndIsDescribed() {
        Backends.discover(empty());
        Backends.register(new Fake("native", 300, Availability.no("libfoo.so: cannot open shared object")));
        Backends.register(new Fake("java", 100, Availability.yes()));
        assertEquals("java", Backends.get().name());
        String description = Backends.describe();
        assertTrue(description.contains("native") && description.contains("libfoo.so"), description);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.get("native"));
        assertTrue(e.getMessage().contains("libfoo.so"), e.getMessage());
    }

    @Test
    void aThrowingProbeDisablesOnlyItsProvider() {
        Backends.discover(empty());
        Backends.register(new Fake("ok", 100, Availability.yes()));
        Backends.register(new BackendProvider() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public int priority() {
                return 900;
            }

            @Override
            public Availability probe() {
                throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
            }

            @Override
            public Backend create() {
                throw new AssertionError("never created");
            }
        });
        assertEquals("ok", Backends.get().name());
        assertTrue(Backends.describe().contains("UnsatisfiedLinkError"), Backends.describe());
    }

    @Test
    void thePropertyOverridesTheRanking() {
        Backends.discover(empty());
        Backends.register(new Fake("fast", 300, Availability.yes()));
        Backends.register(new Fake("slow", 100, Availability.yes()));
        System.setProperty(Backends.PROPERTY, "slow");
        assertEquals("slow", Backends.get().name());
        System.setProperty(Backends.PROPERTY, "missing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Backends::get);
        assertTrue(e.getMessage().contains("'missing'") && e.getMessage().contains("[fast, slow]"), e.getMessage());
    }

    @Test
    void aBrokenServicesEntryIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/" + BackendProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.DoesNotExist\n");
        Backends.discover(new URLClassLoader(new URL[] {dir.toUri().toURL()}, BackendsTest.class.getClassLoader()));
        Backends.register(new Fake("ok", 100, Availability.yes()));
        assertEquals("ok", Backends.get().name());
        assertTrue(Backends.describe().contains("could not be loaded"), Backends.describe());
    }
}
