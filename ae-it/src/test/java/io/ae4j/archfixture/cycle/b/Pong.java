package io.ae4j.archfixture.cycle.b;

import io.ae4j.archfixture.cycle.a.Ping;

/** With {@link Ping}, a cycle between two packages the layering rules take for ae-api's. */
public final class Pong {

    private Pong() {
    }

    /** The other package's class. */
    public static Ping ping() {
        return Ping.create();
    }

    /** This one. */
    public static Pong create() {
        return new Pong();
    }
}
