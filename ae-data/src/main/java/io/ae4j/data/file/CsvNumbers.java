package io.ae4j.data.file;

import java.util.Locale;

/** What counts as a number in a CSV cell, and what to tell a user about a cell that is not one. */
final class CsvNumbers {

    private CsvNumbers() {
    }

    /** The value of a decimal number, infinite beyond float32's range; NaN if {@code text} is not one. */
    static float decimal(String text) {
        if (!plausibleNumber(text)) {
            return Float.NaN;
        }
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }

    /**
     * A cheap first test that excludes what {@link Float#parseFloat} accepts but a CSV number is not:
     * Java's suffixes ({@code 1f}, {@code 2d}) and the words NaN and Infinity, which all end in a letter.
     */
    static boolean plausibleNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last >= '0' && last <= '9' || last == '.';
    }

    /**
     * Whether {@code text} (trimmed) may stand in a numeric column: a number, a word for a
     * non-finite one, or nothing. Such a cell in a first line does not make it a header.
     */
    static boolean numberLike(String text) {
        return text.isEmpty() || nonFiniteWord(text) || !Float.isNaN(decimal(text));
    }

    /** What is wrong with {@code text} (trimmed) as a feature cell, and how to fix it. */
    static String problem(String text) {
        if (text.isEmpty()) {
            return "the cell is empty; fill it in or leave the column out";
        }
        if (nonFiniteWord(text)) {
            return "\"" + text + "\" is not a finite number, and ae4j refuses NaN and infinities; impute the value "
                    + "or drop the row";
        }
        if (Float.isInfinite(decimal(text))) {
            return "\"" + text + "\" is beyond float32's range (about 3.4e38); rescale the column";
        }
        return "\"" + text + "\" is not a number; clean the cell or leave the column out (choose columns by name "
                + "or index)";
    }

    private static boolean nonFiniteWord(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        if (word.startsWith("-") || word.startsWith("+")) {
            word = word.substring(1);
        }
        return word.equals("nan") || word.equals("inf") || word.equals("infinity");
    }
}
