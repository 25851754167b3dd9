package io.ae4j.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** How ae draws a progress bar on a terminal, so that reading and training look alike. */
final class TerminalBar {

    private TerminalBar() {
    }

    /**
     * A bar named {@code task}, drawn on {@code stream} in ASCII, which every terminal shows, and
     * redrawn five times a second; the caller sets its length and builds it.
     */
    static ProgressBarBuilder on(PrintStream stream, String task) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(stream))
                .setUpdateIntervalMillis(200);
    }
}
