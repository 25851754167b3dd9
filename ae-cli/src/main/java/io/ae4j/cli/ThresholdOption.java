package io.ae4j.cli;

import io.ae4j.anomaly.ThresholdRule;

/**
 * The value of a {@code --threshold} option: a rule by name ({@link ThresholdRule}), or for
 * {@code ae score} and {@code ae evaluate} also a plain number in the score's units.
 */
record ThresholdOption(ThresholdRule rule, Double value) {

    /**
     * Reads {@code text}, given to {@code option}.
     *
     * @param numbers whether a plain number is allowed
     * @throws IllegalArgumentException naming the option and what it accepts
     */
    static ThresholdOption parse(String option, String text, boolean numbers) {
        if (numbers) {
            try {
                double value = Double.parseDouble(text.trim());
                OptionCheck.require(!Double.isNaN(value) && !Double.isInfinite(value), option, text,
                        "a finite number or a rule: " + ThresholdRule.FORMS);
                return new ThresholdOption(null, value);
            } catch (NumberFormatException notANumber) {
                // A rule, then.
            }
        }
        try {
            return new ThresholdOption(ThresholdRule.parse(text), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage()
                    + (numbers ? ", or a number in the score's units" : ""), e);
        }
    }
}
