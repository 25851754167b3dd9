package io.ae4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code ae} command's entry point. Exit codes: 0 success, 1 a user error (a one-line message
 * on stderr, with the stack trace only under {@code --verbose}), 2 a usage error (picocli's
 * message and the command's usage).
 */
public final class Ae {

    /** Exit code of a run that failed on bad input, a bad file or a diverged training run. */
    static final int USER_ERROR = 1;

    private Ae() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs one command with the given streams and returns its exit code; for tests and {@link #main}. */
    static int run(PrintStream out, PrintStream err, String... args) {
        AeCommand root = new AeCommand();
        root.progress = err;
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("ae " + line.getCommandName() + ": " + message(e));
            if (root.verbose) {
                e.printStackTrace(err);
            } else if (!isUserError(e)) {
                err.println("(this looks like a bug in ae4j: rerun with --verbose and report the stack trace)");
            }
            return USER_ERROR;
        });
        return commandLine.execute(args);
    }

    private static boolean isUserError(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException;
    }

    private static String message(Exception e) {
        // The JDK's own file exceptions carry only the path; ae4j's say what is wrong themselves.
        if (e instanceof java.nio.file.FileSystemException f && String.valueOf(f.getFile()).equals(f.getMessage())) {
            return (f instanceof java.nio.file.NoSuchFileException ? "no such file: "
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied: " : "cannot use ")
                    + f.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
