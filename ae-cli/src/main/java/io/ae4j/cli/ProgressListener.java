package io.ae4j.cli;

import io.ae4j.train.EpochReport;
import io.ae4j.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/**
 * A progress bar per epoch on a terminal: batches done, ETA, the running loss; at the end of the
 * epoch, its training and validation loss and samples per second stay on the bar's line. Off a
 * terminal, {@link EpochLines} prints plain lines instead.
 */
final class ProgressListener implements TrainingListener {

    private final PrintStream stream;
    private final int epochs;
    private ProgressBar bar;

    ProgressListener(PrintStream stream, int epochs) {
        this.stream = stream;
        this.epochs = epochs;
    }

    @Override
    public void onEpochStart(int epoch, int batches) {
        bar = TerminalBar.on(stream, EpochLines.label(epoch, epochs)).setInitialMax(batches).build();
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
        bar.stepTo(batch);
        // A message string per batch would allocate on the training thread; a few per epoch do not matter.
        if (batch % Math.max(1, batches / 20) == 0) {
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.5f", loss));
        }
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        bar.setExtraMessage(EpochLines.summary(report));
        bar.close();
    }
}
