package io.ae4j.data.file;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits CSV text into records and their cells, one cell at a time, so that neither a file nor a
 * line is ever held whole: a line of a gigabyte costs no more memory than a short one. A record is
 * a line, or several when a quoted cell holds a line break (RFC 4180). Lines that hold only
 * whitespace are skipped and a leading byte-order mark is dropped. Unquoted cells are trimmed; a
 * quoted cell keeps its text exactly, with {@code ""} read as one quote and each line break as
 * {@code \n}.
 *
 * <p>A cell's text is kept only when the caller asks for it, and a kept cell may have at most
 * {@link #MAX_CELL} characters. Both reading passes of {@link CsvReader} split records with this
 * class, so they agree on where each record is.
 */
final class CsvRecords {

    /** The most characters a kept cell may have: far more than any number, label or column name needs. */
    static final int MAX_CELL = 1 << 16;

    /**
     * Characters read at a time. A line whose leading whitespace fills a whole buffer is taken as a
     * record rather than looked through to its end for being blank.
     */
    private static final int BUFFER = 1 << 16;
    private static final int END = -1;
    private static final char[] QUOTE = {'"'};
    private static final char[] LINE_BREAK = {'\n'};

    private final Reader reader;
    private final char delimiter;
    private final String file;
    private final char[] buffer = new char[BUFFER];
    private final StringBuilder text = new StringBuilder();
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private int cell = -1;
    private boolean inRecord;
    private boolean started;

    CsvRecords(Reader reader, char delimiter, String file) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.file = file;
    }

    /**
     * Moves to the next record that is not blank, skipping what is left of the current one; false
     * at the end of the file.
     */
    boolean next() throws IOException {
        while (inRecord) {
            nextCell(false);
        }
        if (!started) {
            started = true;
            if (peek(0) == '\uFEFF') {
                position++;
            }
        }
        while (peek(0) != END) {
            int blank = blankLine();
            if (blank < 0) {
                recordLine = line;
                cell = -1;
                inRecord = true;
                return true;
            }
            position += blank;
            endLine();
        }
        return false;
    }

    /**
     * Moves to the next cell of the current record; false when the record has no more.
     *
     * @param keep whether to keep the cell's text for {@link #text()}; a cell not kept costs no
     *             memory, whatever its length
     * @throws DataFileException naming line and column for a quoted cell that is never closed or is
     *                           followed by more text, or a kept cell longer than {@link #MAX_CELL}
     */
    boolean nextCell(boolean keep) throws IOException {
        if (!inRecord) {
            return false;
        }
        cell = Math.min(cell + 1, Integer.MAX_VALUE - 1);
        text.setLength(0);
        skipSpaces();
        if (peek(0) == '"') {
            position++;
            quoted(keep);
            skipSpaces();
            int c = peek(0);
            if (c != delimiter && c != '\n' && c != '\r' && c != END) {
                throw error("text follows the closing quote of a quoted cell; write a quote inside quotes as \"\"");
            }
        } else {
            unquoted(keep);
        }
        if (peek(0) == delimiter) {
            position++;
        } else {
            inRecord = false;
            endLine();
        }
        return true;
    }

    /** The text of the current cell, if it was kept. */
    String text() {
        return text.toString();
    }

    /** The 0-based index of the current cell in its record. */
    int cell() {
        return cell;
    }

    /** The 1-based line where the current record starts. */
    long line() {
        return recordLine;
    }

    /** The 1-based line being read, all lines before it read whole: where reading stopped, if it stopped. */
    long lineReached() {
        return line;
    }

    /** Reads the rest of a quoted cell, after its opening quote, up to and with its closing quote. */
    private void quoted(boolean keep) throws IOException {
        while (true) {
            if (peek(0) == END) {
                throw error("a quoted cell is never closed; close it with \" or, for a quote inside quotes, write \"\"");
            }
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '"' && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            position = end;
            if (keep) {
                keep(buffer, start, end - start);
            }
            if (end == limit) {
                continue;
            }
            if (buffer[position] == '"') {
                position++;
                if (peek(0) != '"') {
                    return;
                }
                position++;
                if (keep) {
                    keep(QUOTE, 0, 1);
                }
            } else {
                endLine();
                if (keep) {
                    keep(LINE_BREAK, 0, 1);
                }
            }
        }
    }

    /** Keeps {@code length} characters of a quoted cell, refusing a cell that grows too long. */
    private void keep(char[] chars, int start, int length) {
        if (text.length() + length > MAX_CELL) {
            throw tooLong();
        }
        text.append(chars, start, length);
    }

    /** Reads an unquoted cell up to the delimiter or the end of the line, keeping it trimmed. */
    private void unquoted(boolean keep) throws IOException {
        // Scans the buffer a stretch at a time, not a character at a time: most cells are unquoted.
        while (peek(0) != END) {
            int start = position;
            int end = start;
            while (end < limit) {
                char c = buffer[end];
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                end++;
            }
            position = end;
            if (keep) {
                keepTrimmed(start, end);
            }
            if (end < limit) {
                break;
            }
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) <= ' ') {
            end--;
        }
        text.setLength(end);
    }

    /**
     * Keeps the characters of an unquoted cell from {@code start} to {@code end} in the buffer,
     * dropping leading whitespace, as trimming would.
     */
    private void keepTrimmed(int start, int end) {
        while (start < end && text.length() == 0 && buffer[start] <= ' ') {
            start++;
        }
        int fits = Math.min(end - start, MAX_CELL - text.length());
        text.append(buffer, start, fits);
        for (int i = start + fits; i < end; i++) {
            // Only text, not trailing whitespace that trimming drops, makes a cell too long.
            if (buffer[i] > ' ') {
                throw tooLong();
            }
        }
    }

    /** Skips spaces and tabs (unless the tab is the delimiter) before a cell or after a quoted one. */
    private void skipSpaces() throws IOException {
        int c;
        while (((c = peek(0)) == ' ' || c == '\t') && c != delimiter) {
            position++;
        }
    }

    /**
     * How many whitespace characters precede the line break or end of file that ends the line
     * about to be read, or -1 if the line holds more than whitespace. Reads ahead without moving.
     */
    private int blankLine() throws IOException {
        for (int ahead = 0; ; ahead++) {
            if (ahead >= BUFFER) {
                return -1;
            }
            int c = peek(ahead);
            if (c == '\n' || c == '\r' || c == END) {
                return ahead;
            }
            if (!Character.isWhitespace(c)) {
                return -1;
            }
        }
    }

    /** Moves past a line break ({@code \n}, {@code \r\n} or {@code \r}), if one is next, counting the line. */
    private void endLine() throws IOException {
        int c = peek(0);
        if (c == '\r') {
            position++;
            c = peek(0);
        }
        if (c == '\n') {
            position++;
        }
        line++;
    }

    /** The character {@code ahead} places after the current one, or {@link #END} past the end of the text. */
    private int peek(int ahead) throws IOException {
        while (position + ahead >= limit) {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            int read = reader.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return END;
            }
            limit += read;
        }
        return buffer[position + ahead];
    }

    private DataFileException tooLong() {
        return error("the cell is longer than " + MAX_CELL + " characters, more than any number, label or column "
                + "name needs; check the quotes and the delimiter");
    }

    private DataFileException error(String what) {
        int column = cell + 1;
        return new DataFileException(file, lineNumber(recordLine), column, file + " line " + recordLine + ", column "
                + column + ": " + what);
    }

    /** A line number as {@link DataFileException} keeps it: beyond 2^31 - 1 lines, that. */
    static int lineNumber(long line) {
        return (int) Math.min(line, Integer.MAX_VALUE);
    }
}
