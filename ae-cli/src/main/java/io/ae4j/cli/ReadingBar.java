package io.ae4j.cli;

import io.ae4j.data.file.ReadProgress;
import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;

/**
 * A progress bar, in MiB, for reading a data file on a terminal. It appears only once the reader
 * reports a reading of at least {@link #SHOWN_FROM} bytes: smaller files are read in a moment, and
 * a bar that flashes by tells nothing. Off a terminal ({@code stream} null) it shows nothing.
 */
final class ReadingBar implements ReadProgress, AutoCloseable {

    /** Bytes of reading from which a bar is shown: a second or more on these machines. */
    static final long SHOWN_FROM = 32L << 20;
    private static final long MIB = 1L << 20;

    private final PrintStream stream;
    private final String name;
    private ProgressBar bar;

    /**
     * @param stream where the bar is drawn, or null to draw nothing
     * @param name   the file, as the bar names it
     */
    ReadingBar(PrintStream stream, String name) {
        this.stream = stream;
        this.name = name;
    }

    @Override
    public void update(long done, long total) {
        if (bar == null) {
            if (stream == null || total < SHOWN_FROM) {
                return;
            }
            bar = TerminalBar.on(stream, "reading " + name).setInitialMax(total / MIB).setUnit(" MiB", 1).build();
        }
        bar.stepTo(done / MIB);
    }

    /** Closes the bar, also after a failed reading, so that it stops redrawing itself. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
