package io.ae4j.archfixture.cycle.a;

import io.ae4j.archfixture.cycle.b.Pong;

/** With {@link Pong}, a cycle between two packages the layering rules take for ae-api's. */
public final class Ping {

    private Ping() {
    }

    /** The other package's class. */
    public static Pong pong() {
        return Pong.create();
    }

    /** This one. */
    public static Ping create() {
        return new Ping();
    }
}
