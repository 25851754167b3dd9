package io.ae4j.cli;

import io.ae4j.train.TrainingListener;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code ae}: the root command; it only holds the subcommands and the options they share. */
@Command(name = "ae", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = AeVersion.class,
        description = "Train autoencoders and use them: reduce dimensions, compress, score anomalies, generate.",
        subcommands = {DemoCommand.class, TrainCommand.class, EncodeCommand.class, ReconstructCommand.class,
            ScoreCommand.class, EvaluateCommand.class, GenerateCommand.class, ExportCommand.class, ImportCommand.class, BackendsCommand.class,
            InfoCommand.class, HelpCommand.class})
final class AeCommand {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean verbose;

    /** Where training progress goes: stderr, so that stdout stays clean for output that is piped on. */
    PrintStream progress = System.err;

    /**
     * True when the user watches a terminal, where a progress bar redraws itself in place; in a log
     * file or a pipe, one plain line per epoch reads better.
     */
    boolean terminal;

    /** The bar that shows the progress of reading {@code file}, on a terminal only. */
    ReadingBar readingBar(Path file) {
        return new ReadingBar(terminal ? progress : null, String.valueOf(file.getFileName()));
    }

    /** The listener that shows the progress of a run of {@code epochs} epochs. */
    TrainingListener progress(int epochs) {
        return terminal ? new ProgressListener(progress, epochs) : new EpochLines(progress, epochs);
    }
}
