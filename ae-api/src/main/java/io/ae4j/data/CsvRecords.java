package io.ae4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records, one at a time, so that a file is never held whole. A record is a
 * line, or several when a quoted cell holds a line break (RFC 4180). Blank lines are skipped and a
 * leading byte-order mark is dropped. Unquoted cells are trimmed; a quoted cell keeps its text
 * exactly, with {@code ""} read as one quote.
 */
final class CsvRecords {

    private final BufferedReader reader;
    private final char delimiter;
    private final String file;
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder quoted = new StringBuilder();
    private int linesRead;
    private int recordLine;

    CsvRecords(BufferedReader reader, char delimiter, String file) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.file = file;
    }

    /** Moves to the next record that is not blank; false at the end of the file. */
    boolean next() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            linesRead++;
            if (linesRead == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                recordLine = linesRead;
                split(line);
                return true;
            }
        }
        return false;
    }

    /** The cells of the current record; the list is reused by {@link #next()}. */
    List<String> cells() {
        return cells;
    }

    /** The 1-based line where the current record starts. */
    int line() {
        return recordLine;
    }

    /** Lines read so far, the current record's included. */
    int linesRead() {
        return linesRead;
    }

    private void split(String first) throws IOException {
        cells.clear();
        String line = first;
        int i = 0;
        while (true) {
            i = skipSpaces(line, i);
            if (i < line.length() && line.charAt(i) == '"') {
                quoted.setLength(0);
                i++;
                while (true) {
                    if (i == line.length()) {
                        // The quote is still open: the cell goes on in the next line.
                        line = reader.readLine();
                        if (line == null) {
                            throw error("a quoted cell is never closed; close it with \" or, for a quote inside "
                                    + "quotes, write \"\"");
                        }
                        linesRead++;
                        quoted.append('\n');
                        i = 0;
                        continue;
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        quoted.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        quoted.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                i = skipSpaces(line, i);
                if (i < line.length() && line.charAt(i) != delimiter) {
                    throw error("text follows the closing quote of a quoted cell; write a quote inside quotes as \"\"");
                }
                cells.add(quoted.toString());
            } else {
                int end = line.indexOf(delimiter, i);
                end = end < 0 ? line.length() : end;
                cells.add(line.substring(i, end).trim());
                i = end;
            }
            if (i >= line.length()) {
                return;
            }
            i++;
        }
    }

    private int skipSpaces(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t') && line.charAt(i) != delimiter) {
            i++;
        }
        return i;
    }

    private DataFileException error(String what) {
        int column = cells.size() + 1;
        return new DataFileException(file, recordLine, column, file + " line " + recordLine + ", column " + column
                + ": " + what);
    }
}
