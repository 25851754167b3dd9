package io.ae4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Users pick a backend by classpath. Each case starts a fresh JVM whose classpath is this
 * module's test classpath without some backends, runs {@link SelectionProbe} there, and reads
 * what it printed: the chosen backend and the Keras example's losses on it.
 */
class ClasspathSelectionTest {

    private static final List<String> ALL = List.of("naive", "ejml", "nd4j", "vector");
    private static final String VECTOR_API = "--add-modules=jdk.incubator.vector";

    /** Runs the probe with only {@code backends} on the classpath. */
    private static Map<String, String> probe(List<String> backends, Map<String, String> env, String... jvmArgs)
            throws IOException, InterruptedException {
        return probe(entry -> ALL.stream().filter(b -> !backends.contains(b)).noneMatch(b -> isBackend(entry, b)),
                env, jvmArgs);
    }

    /** Runs the probe with the entries of this module's test classpath that {@code keep} accepts. */
    private static Map<String, String> probe(Predicate<String> keep, Map<String, String> env, String... jvmArgs)
            throws IOException, InterruptedException {
        String classpath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(File.pathSeparator))
                .filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", classpath, SelectionProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("AE4J_BACKEND");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
        Map<String, String> result = new HashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.matches("^(backend|loss|error)=.*")) {
                result.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        result.put("output", output);
        return result;
    }

    /** Whether a classpath entry is backend {@code name}'s module or one of its libraries. */
    private static boolean isBackend(String entry, String name) {
        String path = entry.replace('\\', '/');
        return path.contains("ae-backend-" + name)
                || name.equals("ejml") && path.contains("/org/ejml/")
                || name.equals("nd4j") && (path.contains("/org/nd4j/") || path.contains("/org/bytedeco/"));
    }

    private static void assertPicksAndTrains(Map<String, String> result, String backend) {
        assertEquals(backend, result.get("backend"), result.get("output"));
        String[] loss = result.get("loss").split(",");
        assertTrue(Double.parseDouble(loss[1]) < 0.6 * Double.parseDouble(loss[0]), "loss " + result.get("loss"));
    }

    @Test
    void eachBackendAloneIsPickedAndTrains() throws Exception {
        for (String backend : List.of("naive", "ejml", "nd4j")) {
            assertPicksAndTrains(probe(List.of(backend), Map.of()), backend);
        }
        assertPicksAndTrains(probe(List.of("vector"), Map.of(), VECTOR_API), "vector");
    }

    @Test
    void withAllPresentTheHighestPriorityWins() throws Exception {
        assertPicksAndTrains(probe(ALL, Map.of(), VECTOR_API), "vector");
        assertPicksAndTrains(probe(List.of("naive", "ejml", "nd4j"), Map.of()), "nd4j");
        assertPicksAndTrains(probe(List.of("naive", "ejml"), Map.of()), "ejml");
    }

    @Test
    void theVectorBackendWithoutItsFlagFallsBackAndSaysWhichFlag() throws Exception {
        Map<String, String> result = probe(List.of("naive", "vector"), Map.of());
        assertPicksAndTrains(result, "naive");
        String output = result.get("output");
        assertEquals(1, output.split("ae4j backend 'vector' is unavailable", -1).length - 1, output);
        assertTrue(output.contains("--add-modules jdk.incubator.vector"), output);
    }

    @Test
    void thePropertyOrTheEnvironmentNamesTheBackend() throws Exception {
        assertPicksAndTrains(probe(ALL, Map.of(), "-Dae4j.backend=ejml"), "ejml");
        assertPicksAndTrains(probe(ALL, Map.of("AE4J_BACKEND", "naive")), "naive");
        // The property wins over the environment.
        assertPicksAndTrains(probe(ALL, Map.of("AE4J_BACKEND", "naive"), "-Dae4j.backend=ejml"), "ejml");
    }

    @Test
    void anAbsentNameListsWhatIsPresent() throws Exception {
        Map<String, String> result = probe(List.of("naive", "ejml"), Map.of(), "-Dae4j.backend=nd4j");
        String error = result.get("error");
        assertTrue(error != null && error.contains("no backend named 'nd4j'") && error.contains("[ejml, naive]"),
                result.get("output"));
    }

    @Test
    void nd4jWithoutItsNativesFallsBackWithOneWarning() throws Exception {
        // The ND4J modules without the jars that carry its native libraries: what a user on another platform has.
        Map<String, String> result = probe(entry -> !entry.contains("linux-x86_64"), Map.of());
        assertPicksAndTrains(result, "ejml");
        String output = result.get("output");
        assertEquals(1, output.split("ae4j backend 'nd4j' is unavailable", -1).length - 1, output);
    }
}
