package io.ae4j.spi;

import java.util.Objects;

/**
 * Whether a backend can run in this JVM, and if not, why.
 *
 * @param available true when the backend can be created
 * @param reason    a sentence for users when unavailable, empty when available
 */
public record Availability(boolean available, String reason) {

    private static final Availability AVAILABLE = new Availability(true, "");

    /**
     * Checks that there is a reason.
     *
     * @param available true when the backend can be created
     * @param reason a sentence for users when unavailable, empty when available
     * @throws NullPointerException if {@code reason} is null
     */
    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The backend can run here.
     *
     * @return the availability
     */
    public static Availability yes() {
        return AVAILABLE;
    }

    /**
     * The backend cannot run here, for the given reason.
     *
     * @param reason a sentence for users
     * @return the unavailability
     */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }

    /**
     * The backend cannot run here because its probe failed with {@code cause}.
     *
     * @param reason a sentence for users
     * @param cause what the probe caught, appended to the reason
     * @return the unavailability
     */
    public static Availability no(String reason, Throwable cause) {
        return new Availability(false, reason + ": " + cause);
    }
}
