package io.ae4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out}: the CSV file a command writes its results to, declared here once for every command that writes one. */
final class CsvOutOption {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the results (CSV).")
    Path file;
}
