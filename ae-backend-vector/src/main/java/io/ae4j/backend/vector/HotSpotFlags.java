package io.ae4j.backend.vector;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/** The values of HotSpot's flags in this JVM, as its diagnostic bean reports them after ergonomics. */
final class HotSpotFlags {

    private HotSpotFlags() {
    }

    /**
     * The value of flag {@code name}, such as {@code "3"} or {@code "true"}; empty where this JVM has
     * no such flag or does not say (another JVM, or a runtime image without {@code jdk.management}).
     */
    static Optional<String> value(String name) {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? Optional.empty() : Optional.of(hotSpot.getVMOption(name).getValue());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The numeric flag {@code name}, or {@code fallback} where it cannot be read. */
    static long number(String name, long fallback) {
        try {
            return value(name).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The boolean flag {@code name}, or {@code fallback} where it cannot be read. */
    static boolean on(String name, boolean fallback) {
        return value(name).map(Boolean::parseBoolean).orElse(fallback);
    }
}
