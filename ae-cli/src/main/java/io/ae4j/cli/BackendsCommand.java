package io.ae4j.cli;

import io.ae4j.spi.Backends;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ae backends}: every backend found, best first, with its priority and availability. */
@Command(name = "backends", description = "List the backends found, with priority and availability.")
final class BackendsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Backends.describe());
        return 0;
    }
}
