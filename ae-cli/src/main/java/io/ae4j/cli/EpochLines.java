package io.ae4j.cli;

import io.ae4j.train.EpochReport;
import io.ae4j.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress as one plain line per epoch, for a log file or a pipe, where a progress bar's
 * redrawn frames would pile up: {@code epoch  3/10: loss 0.01234, val 0.01301, 52,000 samples/s}.
 */
final class EpochLines implements TrainingListener {

    private final PrintStream stream;
    private final int epochs;

    EpochLines(PrintStream stream, int epochs) {
        this.stream = stream;
        this.epochs = epochs;
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        stream.println(label(report.epoch(), epochs) + ": " + summary(report));
        stream.flush();
    }

    /** "epoch  3/10": the epoch's number, padded to the width of the last one's. */
    static String label(int epoch, int epochs) {
        return String.format(Locale.ROOT, "epoch %" + Integer.toString(epochs).length() + "d/%d", epoch, epochs);
    }

    /** What an epoch ended with: its loss and penalties, the validation loss, and the speed. */
    static String summary(EpochReport report) {
        String summary = String.format(Locale.ROOT, "loss %.5f", report.trainLoss());
        if (report.penalty() > 0) {
            summary += String.format(Locale.ROOT, " (penalties %.5f)", report.penalty());
        }
        if (report.hasValidation()) {
            summary += String.format(Locale.ROOT, ", val %.5f", report.validationLoss());
        }
        return summary + String.format(Locale.ROOT, ", %,.0f samples/s", report.samplesPerSecond());
    }
}
