package io.ae4j.cli;

import io.ae4j.data.NotEnoughHeapException;
import io.ae4j.data.file.DataFileException;
import io.ae4j.model.ModelFormatException;
import io.ae4j.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The {@code ae} command's entry point. Exit codes: 0 success, 1 a user error (a one-line message
 * on stderr, with the stack trace only under {@code --verbose}), 2 a usage error (picocli's
 * message and the command's usage). Running out of memory is a user error too, reported with how
 * to raise the heap; any other failure is reported as a bug in ae4j.
 */
public final class Ae {

    /** The system property by which a launcher says whether stderr is a terminal: true or false. */
    static final String STDERR_TERMINAL = "ae4j.stderr.terminal";

    /** Exit code of a run that failed on bad input, a bad file, a diverged training run or too little memory. */
    static final int USER_ERROR = 1;

    private Ae() {
    }

    /**
     * Runs the command that {@code args} name, and exits with its exit code.
     *
     * @param args the command and its options, as {@code train --help}
     */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command with the given streams and returns its exit code; for tests and {@link #main}. */
    static int run(PrintStream out, PrintStream err, String... args) {
        AeCommand root = new AeCommand();
        return execute(commandLine(root, out, err), root, err, args);
    }

    /** The command line of {@code root}: its streams, and failures reported as the exit codes above say. */
    static CommandLine commandLine(AeCommand root, PrintStream out, PrintStream err) {
        root.progress = err;
        root.terminal = progressOnTerminal();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (outOfMemory(e)) {
                return reportOutOfMemory(line.getCommandName(), e, root.verbose, err);
            }
            err.println("ae " + line.getCommandName() + ": " + message(e));
            if (root.verbose) {
                e.printStackTrace(err);
            } else if (!isUserError(e)) {
                err.println("(this looks like a bug in ae4j: rerun with --verbose and report the stack trace)");
            }
            return USER_ERROR;
        });
        return commandLine;
    }

    /**
     * Whether progress, which goes to stderr, reaches a terminal. The {@code ./ae} launcher tests
     * stderr itself and says so in {@value #STDERR_TERMINAL}; without it (plain {@code java -jar}),
     * Java can only tell whether stdin and stdout are a terminal.
     */
    static boolean progressOnTerminal() {
        String launcher = System.getProperty(STDERR_TERMINAL);
        return launcher != null ? Boolean.parseBoolean(launcher) : System.console() != null;
    }

    /** Runs {@code args} on {@code commandLine}, made by {@link #commandLine} for {@code root}; returns the exit code. */
    static int execute(CommandLine commandLine, AeCommand root, PrintStream err, String... args) {
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only exceptions to the handler; an error unwinds to here, freeing the command's memory.
            return reportOutOfMemory(commandName(commandLine), e, root.verbose, err);
        }
    }

    /**
     * True for a failure caused by what the user gave: a bad option value, data or model file, a
     * file that cannot be read or written, or a training run that diverged. ae4j refuses bad
     * arguments with {@link IllegalArgumentException} and operations that cannot run now with
     * {@link IllegalStateException}; a {@link NumberFormatException}, though one of those, comes
     * from text that ae should have checked first, so it counts as a bug.
     */
    static boolean isUserError(Throwable e) {
        // ae4j's own file and training exceptions are named, whatever classes they extend.
        return e instanceof DataFileException || e instanceof ModelFormatException
                || e instanceof TrainingDivergedException || e instanceof IOException || e instanceof UncheckedIOException
                || (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException))
                || e instanceof IllegalStateException;
    }

    private static boolean outOfMemory(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;     // also one thrown on a backend's worker thread and passed on wrapped
            }
        }
        return false;
    }

    private static int reportOutOfMemory(String command, Throwable e, boolean verbose, PrintStream err) {
        err.println("ae " + command + ": " + Heap.outOfMemory());
        if (verbose) {
            e.printStackTrace(err);
        }
        return USER_ERROR;
    }

    /** The name of the subcommand that ran, such as "train"; "ae" itself if none was parsed. */
    private static String commandName(CommandLine commandLine) {
        ParseResult parsed = commandLine.getParseResult();
        if (parsed == null) {
            return commandLine.getCommandName();
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().name();
    }

    private static String message(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotEnoughHeapException refusal) {
                // The library says which -Xmx to try; ae says how to pass it.
                return (e.getMessage() != null ? e.getMessage() : refusal.getMessage()) + "; "
                        + Heap.howToRaise(refusal.suggestedHeapGigabytes());
            }
        }
        // The JDK's own file exceptions carry only the path; ae4j's say what is wrong themselves.
        if (e instanceof FileSystemException f && String.valueOf(f.getFile()).equals(f.getMessage())) {
            return (f instanceof NoSuchFileException ? "no such file: "
                    : f instanceof AccessDeniedException ? "permission denied: " : "cannot use ")
                    + f.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
