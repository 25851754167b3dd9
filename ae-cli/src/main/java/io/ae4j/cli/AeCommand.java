package io.ae4j.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code ae}: the root command; it only holds the subcommands and the options they share. */
@Command(name = "ae", mixinStandardHelpOptions = true, version = "ae4j 0.1.0-SNAPSHOT",
        description = "Train autoencoders and use them: reduce dimensions, compress, score anomalies, generate.",
        subcommands = {DemoCommand.class, TrainCommand.class, EncodeCommand.class, ReconstructCommand.class,
            ScoreCommand.class, GenerateCommand.class, BackendsCommand.class, InfoCommand.class, HelpCommand.class})
final class AeCommand {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean verbose;

    /** Where progress bars go: stderr, so that stdout stays clean for output that is piped on. */
    PrintStream progress = System.err;
}
