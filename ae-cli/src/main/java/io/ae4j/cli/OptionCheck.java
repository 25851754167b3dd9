package io.ae4j.cli;

import java.util.List;
import java.util.Locale;

/**
 * Range checks for option values. Each refuses a value with a message that names the option, the
 * value given and the values allowed, such as {@code --lr must be a finite number above 0, got NaN},
 * so that a command can check all its options before it reads or writes anything.
 */
final class OptionCheck {

    private OptionCheck() {
    }

    /**
     * Refuses {@code value} of {@code option} unless {@code allowed}.
     *
     * @param range what the option accepts, as it completes "OPTION must be ...", for example "at least 1"
     */
    static void require(boolean allowed, String option, Object value, String range) {
        if (!allowed) {
            throw new IllegalArgumentException(option + " must be " + range + ", got " + value);
        }
    }

    /** Refuses a whole number below {@code min}. */
    static void atLeast(String option, long value, long min) {
        require(value >= min, option, value, min == 0 ? "0 or more" : "at least " + min);
    }

    /**
     * Refuses anything but a number above 0 that stays finite and above 0 as a float, such as a
     * learning rate: layers and optimizers keep their settings as floats.
     */
    static void positive(String option, double value) {
        require(finiteFloat(value) && (float) value > 0, option, value,
                "a finite number above 0, from " + Float.MIN_VALUE + " to " + Float.MAX_VALUE);
    }

    /** Refuses anything but a number of 0 or more that stays finite as a float, such as a penalty's weight. */
    static void nonNegative(String option, double value) {
        require(finiteFloat(value) && value >= 0, option, value, "a finite number, 0 or more, at most " + Float.MAX_VALUE);
    }

    /** True if {@code value} is finite, also once rounded to a float. */
    static boolean finiteFloat(double value) {
        return Double.isFinite(value) && Float.isFinite((float) value);
    }

    /** Refuses anything outside [0, 1), such as a rate of dropped inputs. */
    static void fraction(String option, double value) {
        require(value >= 0 && value < 1, option, value, "in [0, 1)");
    }

    /** Refuses a name that is not one of {@code names}, ignoring case. */
    static void oneOf(String option, String value, String... names) {
        boolean known = value != null && List.of(names).contains(value.toLowerCase(Locale.ROOT));
        String last = names[names.length - 1];
        require(known, option, "'" + value + "'", names.length == 1 ? last
                : String.join(", ", List.of(names).subList(0, names.length - 1)) + " or " + last);
    }

    /** Refuses a name that is not an anomaly score's. */
    static void scoreKind(String option, String value) {
        try {
            io.ae4j.anomaly.ScoreKind.named(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /**
     * The number in {@code part} of the value {@code value} of {@code option}, which has the form
     * {@code form}: {@code --sparsity l1:abc} gives "--sparsity l1:abc: 'abc' is not a number; write
     * kl:RHO, kl:RHO:BETA or l1:LAMBDA".
     */
    static double number(String option, String value, String part, String form) {
        try {
            return Double.parseDouble(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": '" + part + "' is not a number; write " + form);
        }
    }
}
