package io.ae4j.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that a call fails with a message holding each of the given parts. */
final class Expect {

    private Expect() {
    }

    static IllegalArgumentException illegal(Executable call, String... parts) {
        return contains(assertThrows(IllegalArgumentException.class, call), parts);
    }

    private static <E extends Exception> E contains(E e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(part),
                    "expected \"" + part + "\" in the message: " + e.getMessage());
        }
        return e;
    }
}
