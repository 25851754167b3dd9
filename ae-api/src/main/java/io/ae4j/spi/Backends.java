package io.ae4j.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, ranks and hands out backends: the one place where a backend is chosen.
 *
 * <p>Backends are found with {@link ServiceLoader} on first use, through ae-api's own class
 * loader unless {@link #discover(ClassLoader)} names another, plus any provider given to
 * {@link #register}. Each provider is probed once. A provider that cannot be loaded or whose
 * probe fails is kept in the list as unavailable, with the reason, and never stops the others.
 *
 * <p>Ranking: among available backends the highest {@link BackendProvider#priority()} wins, and
 * ties go to the name first in alphabetical order. The system property {@value #PROPERTY}, or
 * failing that the environment variable {@value #ENVIRONMENT}, names a backend that wins instead.
 *
 * <p>Each backend is created once and shared; all methods are thread-safe.
 */
public final class Backends {

    /** System property that names the backend {@link #get()} returns. */
    public static final String PROPERTY = "ae4j.backend";
    /** Environment variable that names the backend {@link #get()} returns, if the property is unset. */
    public static final String ENVIRONMENT = "AE4J_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

    private static final List<BackendProvider> registered = new ArrayList<>();
    private static ClassLoader loader = Backends.class.getClassLoader();
    private static List<Entry> entries;                 // discovered lazily, null until then
    private static final Map<String, Backend> created = new LinkedHashMap<>();
    private static boolean fallbackWarned;

    private Backends() {
    }

    /** One provider as found: its name, rank, availability and, if it failed to load, no provider. */
    private record Entry(String name, int priority, Availability availability, BackendProvider provider) {
    }

    /**
     * The backend to use: the one named by {@value #PROPERTY} or {@value #ENVIRONMENT} if set,
     * otherwise the highest-ranked available one.
     *
     * @return the backend
     * @throws IllegalStateException if no backend is available, naming the artifacts to add
     */
    public static synchronized Backend get() {
        String wanted = System.getProperty(PROPERTY);
        if (wanted == null || wanted.isBlank()) {
            wanted = System.getenv(ENVIRONMENT);
        }
        if (wanted != null && !wanted.isBlank()) {
            return get(wanted.trim());
        }
        List<Entry> all = entries();
        for (Entry e : all) {
            if (e.availability.available()) {
                warnIfFallback(all, e);
                return backend(e);
            }
        }
        throw new IllegalStateException("no ae4j backend is available. Add one to the classpath, for example "
                + "io.ae4j:ae-backend-naive (pure Java), io.ae4j:ae-backend-ejml or io.ae4j:ae-backend-nd4j."
                + (all.isEmpty() ? " No provider was found at all: if this is a shaded jar, merge META-INF/services "
                + "files (ServicesResourceTransformer) or call Backends.register(provider)." : "\n" + describe()));
    }

    /**
     * The backend called {@code name}, case-insensitive.
     *
     * @param name a provider's {@link BackendProvider#name()}
     * @return that backend
     * @throws IllegalArgumentException if there is none, listing those available and why others are not
     */
    public static synchronized Backend get(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("backend name must not be empty; available: " + names());
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (Entry e : entries()) {
            if (e.name.equals(key)) {
                if (!e.availability.available()) {
                    throw new IllegalArgumentException("backend '" + key + "' is present but unavailable: "
                            + e.availability.reason() + ". Available: " + names());
                }
                return backend(e);
            }
        }
        throw new IllegalArgumentException("no backend named '" + key + "'. Available: " + names() + unavailableNote());
    }

    /**
     * Names of the available backends, best first.
     *
     * @return the names
     */
    public static synchronized List<String> names() {
        return entries().stream().filter(e -> e.availability.available()).map(Entry::name).collect(Collectors.toList());
    }

    /**
     * One line per provider found, best first: name, priority, and availability with the reason.
     * Print this first when a fat jar or a plugin host finds no backend.
     *
     * @return the lines
     */
    public static synchronized String describe() {
        List<Entry> all = entries();
        if (all.isEmpty()) {
            return "no backend providers found (class loader " + loader + ")";
        }
        StringBuilder text = new StringBuilder();
        for (Entry e : all) {
            text.append(String.format(Locale.ROOT, "%-8s priority %4d  %s%n", e.name, e.priority,
                    e.availability.available() ? "available" : "unavailable: " + e.availability.reason()));
        }
        return text.toString().stripTrailing();
    }

    /**
     * Adds a provider by hand, for plugin hosts and cluster executors where the
     * {@code META-INF/services} files were lost. A provider of the same name replaces the found one.
     *
     * @param provider the provider to add
     */
    public static synchronized void register(BackendProvider provider) {
        if (provider == null) {
            throw new IllegalArgumentException("provider must not be null");
        }
        registered.add(provider);
        entries = null;
    }

    /**
     * Forgets what was found and searches again through {@code classLoader}, keeping
     * {@linkplain #register registered} providers. Backends already handed out stay usable.
     *
     * @param classLoader where to look for {@code META-INF/services} files
     */
    public static synchronized void discover(ClassLoader classLoader) {
        if (classLoader == null) {
            throw new IllegalArgumentException("class loader must not be null");
        }
        loader = classLoader;
        entries = null;
        fallbackWarned = false;
    }

    /** Back to the state of a fresh JVM: for ae-api's own tests of discovery. */
    static synchronized void resetForTests() {
        registered.clear();
        created.clear();
        loader = Backends.class.getClassLoader();
        entries = null;
        fallbackWarned = false;
    }

    private static List<Entry> entries() {
        if (entries == null) {
            Map<String, Entry> byName = new LinkedHashMap<>();
            Iterator<BackendProvider> it = ServiceLoader.load(BackendProvider.class, loader).iterator();
            int broken = 0;
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    add(byName, it.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    // A provider class that cannot be loaded or instantiated: keep going with the rest.
                    broken++;
                    byName.put("<broken-" + broken + ">", new Entry("<broken-" + broken + ">", Integer.MIN_VALUE,
                            Availability.no("provider could not be loaded", e), null));
                }
            }
            for (BackendProvider p : registered) {
                add(byName, p);
            }
            List<Entry> sorted = new ArrayList<>(byName.values());
            sorted.sort(Comparator.comparing((Entry e) -> !e.availability.available())
                    .thenComparing(Entry::priority, Comparator.reverseOrder())
                    .thenComparing(Entry::name));
            entries = List.copyOf(sorted);
        }
        return entries;
    }

    private static void add(Map<String, Entry> byName, BackendProvider provider) {
        String name;
        int priority;
        Availability availability;
        try {
            name = provider.name().toLowerCase(Locale.ROOT);
            priority = provider.priority();
        } catch (RuntimeException | LinkageError e) {
            String id = provider.getClass().getName();
            byName.put(id, new Entry(id, Integer.MIN_VALUE, Availability.no("provider failed to describe itself", e), null));
            return;
        }
        try {
            availability = provider.probe();
            if (availability == null) {
                availability = Availability.no("probe returned null");
            }
        } catch (Throwable t) {
            // A probe must not throw, but one that does (often an UnsatisfiedLinkError) only disables itself.
            availability = Availability.no("probe failed", t);
        }
        byName.put(name, new Entry(name, priority, availability, provider));
    }

    private static Backend backend(Entry e) {
        return created.computeIfAbsent(e.name, n -> e.provider.create());
    }

    private static void warnIfFallback(List<Entry> all, Entry chosen) {
        if (fallbackWarned) {
            return;
        }
        // One line per backend that would have won, each naming its own reason.
        for (Entry e : all) {
            if (!e.availability.available() && e.priority > chosen.priority && e.provider != null) {
                fallbackWarned = true;
                LOG.warn("ae4j backend '{}' is unavailable ({}); using '{}' instead", e.name,
                        e.availability.reason(), chosen.name);
            }
        }
    }

    private static String unavailableNote() {
        String note = entries().stream().filter(e -> !e.availability.available())
                .map(e -> e.name + " (" + e.availability.reason() + ")").collect(Collectors.joining("; "));
        return note.isEmpty() ? "" : ". Unavailable: " + note;
    }
}
