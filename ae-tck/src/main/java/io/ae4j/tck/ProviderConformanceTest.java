package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.spi.Availability;
import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;
import io.ae4j.spi.Backends;
import io.ae4j.spi.Tensor;
import java.util.Locale;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The backend's provider keeps the promises of {@link BackendProvider}, on which {@link Backends}
 * relies to find, rank and create backends:
 * <ul>
 *   <li>it is listed for the {@link ServiceLoader}, and {@code Backends} hands out its backend by name;</li>
 *   <li>its name is lower-case, and neither its name nor its priority ever changes;</li>
 *   <li>its probe never throws, and every instance answers alike;</li>
 *   <li>where the kit runs, it is available and creates a working backend of its own name;</li>
 *   <li>without the libraries its backend depends on, it still loads from its own jar and
 *       constructs, and its probe either says why it is unavailable or the backend it then
 *       creates works.</li>
 * </ul>
 *
 * <p>{@code Backends} probes each instance once, as the provider's javadoc allows, so where these
 * checks ask the same question again they ask fresh instances.
 */
abstract class ProviderConformanceTest {

    private static final int INSTANCES = 3;

    /** The provider under test. */
    protected abstract Class<? extends BackendProvider> providerClass();

    /** A new instance of the provider, made by the service loader as {@link Backends} makes them. */
    private BackendProvider freshProvider() {
        return ServiceLoader.load(BackendProvider.class, providerClass().getClassLoader()).stream()
                .filter(candidate -> candidate.type() == providerClass())
                .findFirst()
                .orElseThrow(() -> new AssertionError(providerClass().getName() + " is not listed in "
                        + "META-INF/services/" + BackendProvider.class.getName()))
                .get();
    }

    @Test
    void isFoundByTheServiceLoaderAndHandedOutByBackends() {
        BackendProvider provider = freshProvider();
        // Users select backends by name in any case; Backends lower-cases what they type.
        Backend selected = Backends.get(provider.name().toUpperCase(Locale.ROOT));
        assertEquals(provider.name(), selected.name(), Backends.describe());
    }

    @Test
    void nameIsLowerCaseAndNameAndPriorityNeverChange() {
        BackendProvider first = freshProvider();
        String name = first.name();
        int priority = first.priority();
        assertNotNull(name, "the name must not be null");
        assertFalse(name.isBlank(), "the name users select the backend by must not be blank");
        assertEquals(name.toLowerCase(Locale.ROOT), name, "the name must be lower-case");
        assertEquals(name.strip(), name, "Backends trims the name users type, so the name cannot start or end with a space");
        assertEquals(name, first.name(), "name asked again");
        assertEquals(priority, first.priority(), "priority asked again");
        for (int i = 1; i < INSTANCES; i++) {
            BackendProvider another = freshProvider();
            assertEquals(name, another.name(), "name of instance " + i);
            assertEquals(priority, another.priority(), "priority of instance " + i);
        }
    }

    @Test
    void probeNeverThrowsAndEveryInstanceAnswersAlike() {
        Availability first = probe(freshProvider());
        for (int i = 1; i < INSTANCES; i++) {
            Availability again = probe(freshProvider());
            assertEquals(first.available(), again.available(), "instance " + i + " answered " + again);
        }
    }

    @Test
    void isAvailableWhereTheKitRunsAndCreatesAWorkingBackendOfItsName() {
        BackendProvider provider = freshProvider();
        // The other groups run this backend here, so its provider must say that it can.
        Availability availability = probe(provider);
        assertTrue(availability.available(), "unavailable where the kit runs: " + availability.reason());
        assertEquals("", availability.reason(), "an available backend has no reason to give");
        Backend backend = provider.create();
        assertEquals(provider.name(), backend.name(), "the backend's name must be its provider's");
        assertMultipliesTwoMatrices(backend);
    }

    @Test
    void withoutTheBackendsLibrariesItStillConstructsAndExplainsItself() throws Exception {
        BackendProvider here = freshProvider();
        // Backends constructs and describes every listed provider, so none may need more than its own jar for that.
        try (ProviderWithoutLibraries alone = ProviderWithoutLibraries.load(providerClass())) {
            assertEquals(here.name(), alone.name(), "name");
            assertEquals(here.priority(), alone.priority(), "priority");
            Availability availability = assertDoesNotThrow(alone::probe,
                    "the probe must catch every Throwable, a missing class included, and report it");
            assertNotNull(availability, "the probe returned null");
            if (availability.available()) {
                String created = assertDoesNotThrow(alone::createdBackendName,
                        "the probe reported available, but the backend cannot be created without its libraries");
                assertEquals(here.name(), created, "the backend's name must be its provider's");
            } else {
                assertFalse(availability.reason().isBlank(), "an unavailable backend must say why");
            }
        }
    }

    /** Probes {@code provider}, failing if the probe throws or answers nothing. */
    private static Availability probe(BackendProvider provider) {
        Availability availability = assertDoesNotThrow(provider::probe,
                "the probe must catch every Throwable and report it as unavailable");
        assertNotNull(availability, "the probe returned null");
        if (!availability.available()) {
            assertFalse(availability.reason().isBlank(), "an unavailable backend must say why");
        }
        return availability;
    }

    /** A 2 x 3 times 3 x 2 product in small integers, exact in any order of summation. */
    private static void assertMultipliesTwoMatrices(Backend backend) {
        Tensor a = backend.create(2, 3);
        backend.write(new float[] {1, 2, 3, 4, 5, 6}, 0, a);
        Tensor b = backend.create(3, 2);
        backend.write(new float[] {7, 8, 9, 10, 11, 12}, 0, b);
        Tensor c = backend.create(2, 2);
        backend.gemm(false, false, 1, a, b, 0, c);
        float[] product = new float[4];
        backend.read(c, product, 0);
        assertArrayEquals(new float[] {58, 64, 139, 154}, product, "the created backend's matrix product");
    }
}
