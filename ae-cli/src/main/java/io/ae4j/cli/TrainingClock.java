package io.ae4j.cli;

import io.ae4j.train.EpochReport;
import io.ae4j.train.TrainingListener;

/**
 * Adds up how long training took and how many samples it saw, epoch by epoch, for the report's
 * time and throughput. Epochs are timed by the training loop itself, validation included.
 */
final class TrainingClock implements TrainingListener {

    private long nanos;
    private long samples;

    @Override
    public void onEpochEnd(EpochReport report) {
        nanos += report.nanos();
        samples += report.samples();
    }

    /** Wall time of all epochs, in seconds. */
    double seconds() {
        return nanos / 1e9;
    }

    /** Training samples seen, over all epochs. */
    long samples() {
        return samples;
    }

    /** Training samples per second over the whole run; 0 before any epoch ends. */
    double samplesPerSecond() {
        return nanos == 0 ? 0 : samples * 1e9 / nanos;
    }
}
