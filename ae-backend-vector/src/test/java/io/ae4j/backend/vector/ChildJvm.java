package io.ae4j.backend.vector;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The command for a second JVM that runs a test's main method, for tests that compare or inspect another run. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * {@code java --add-modules jdk.incubator.vector <options> -cp <paths> <mainClass>}, with this
     * JVM's executable, and its module and class paths together as the class path (the tests may
     * run on the module path).
     */
    static List<String> command(Class<?> mainClass, List<String> options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules", "jdk.incubator.vector"));
        command.addAll(options);
        command.add("-cp");
        command.add(Stream.of(System.getProperty("jdk.module.path"), System.getProperty("java.class.path"))
                .filter(Objects::nonNull).collect(Collectors.joining(File.pathSeparator)));
        command.add(mainClass.getName());
        return command;
    }
}
