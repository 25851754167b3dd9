package io.ae4j.backend.nd4j;

import io.ae4j.spi.Availability;
import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;

/**
 * Provides {@link Nd4jBackend}, available where ND4J's native library loads: nd4j-native with the
 * classifier of this operating system and processor must be on the class path.
 */
public final class Nd4jBackendProvider implements BackendProvider {

    /** The name the ND4J backend is selected by. */
    public static final String NAME = "nd4j";

    private final Runnable loader;

    /** A provider that probes by loading ND4J. */
    public Nd4jBackendProvider() {
        // A lambda, not Nd4jNatives::load: a method reference would load Nd4jNatives, and with it
        // perhaps ND4J's classes, when the provider is constructed, outside the probe's catch.
        this(() -> Nd4jNatives.load());
    }

    /** A provider whose probe runs {@code loader} in place of loading ND4J; for tests. */
    Nd4jBackendProvider(Runnable loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 300;
    }

    /** Loads ND4J's native backend; reports any failure, errors included, instead of throwing it. */
    @Override
    public Availability probe() {
        try {
            loader.run();
            return Availability.yes();
        } catch (Throwable t) {
            return Availability.no("ND4J native library could not load (nd4j-native needs its jar for this platform, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", on the class path:"
                    + " depend on nd4j-native-platform, and if the build picks platforms with -Djavacpp.platform=...,"
                    + " include this one, such as linux-x86_64): " + withCauses(t));
        }
    }

    /**
     * {@code t} and its causes: ND4J reports a missing native library as an
     * ExceptionInInitializerError whose own message is empty, around the UnsatisfiedLinkError
     * that names the library.
     */
    private static String withCauses(Throwable t) {
        StringBuilder text = new StringBuilder(t.toString());
        Throwable cause = t.getCause();
        for (int depth = 0; cause != null && depth < 8; depth++) {
            text.append(", caused by ").append(cause);
            cause = cause.getCause();
        }
        return text.toString();
    }

    @Override
    public Backend create() {
        return new Nd4jBackend();
    }
}
