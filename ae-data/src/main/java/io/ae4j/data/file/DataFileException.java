package io.ae4j.data.file;

/**
 * A data file that cannot be read as data: missing, empty, damaged, or holding a cell that is not
 * a number. The message names the file and, where there is one, the 1-based line and column, and
 * says how to fix it; {@link #file()}, {@link #line()} and {@link #column()} give the same place
 * to a program.
 */
public final class DataFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The file's name. */
    private final String file;
    /** The 1-based line, or 0. */
    private final int line;
    /** The 1-based column, or 0. */
    private final int column;

    DataFileException(String file, int line, int column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    DataFileException(String file, String message) {
        this(file, 0, 0, message);
    }

    /**
     * The file's name, as the message gives it.
     *
     * @return the name
     */
    public String file() {
        return file;
    }

    /**
     * The 1-based line of a text file where the problem is; 0 if the problem has no line.
     *
     * @return the line, or 0
     */
    public int line() {
        return line;
    }

    /**
     * The 1-based column (cell) where the problem is; 0 if the problem has no column.
     *
     * @return the column, or 0
     */
    public int column() {
        return column;
    }
}
