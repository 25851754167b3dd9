package io.ae4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand of {@code ae} that checks what it was given before it does any work: first every
 * option's value ({@link #checkOptions}), then every file it reads and writes together
 * ({@link #planFiles}, checked by {@link FilePlan}), and only then runs. So a bad value or an
 * output that would replace an input is refused before anything is read, trained or written.
 */
abstract class AeSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws IOException {
        checkOptions();
        FilePlan files = new FilePlan();
        planFiles(files);
        files.check();
        return run(spec.commandLine().getOut());
    }

    /**
     * Refuses an option value out of its range, naming the option, the value and the range; a
     * command whose options are all files or free text has nothing to check here.
     */
    void checkOptions() {
    }

    /** Declares every file and folder the command reads and writes. */
    abstract void planFiles(FilePlan files);

    /** Does the work, printing results to {@code out}; returns the exit code. */
    abstract int run(PrintWriter out) throws IOException;

    /** The {@code ae} command this one runs under, with the settings shared by all. */
    AeCommand root() {
        return (AeCommand) spec.root().userObject();
    }

    /** True if the user gave {@code option}, rather than it taking its default. */
    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
