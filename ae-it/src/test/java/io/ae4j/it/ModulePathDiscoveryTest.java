package io.ae4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ae4j.backend.naive.NaiveBackendProvider;
import io.ae4j.spi.BackendProvider;
import io.ae4j.spi.Backends;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Backends are found on the class path through {@code META-INF/services} files and on the module
 * path through {@code provides} and {@code uses}: ae-api and the naive backend as modules, the way a
 * modular application runs them, and as plain jars on the class path, the way ae-it's own tests do.
 *
 * <p>A small probe, compiled here into a module that requires {@code io.ae4j.api}, prints the backend
 * {@link Backends#get()} picks and the module it comes from. It runs in JVMs of its own, on the
 * module path or on the class path, each time with the naive backend's classes as built and with a
 * copy of them without its {@code META-INF/services} file: on the module path the copy is still
 * found, through the module's {@code provides} clause; on the class path only the built one is.
 */
class ModulePathDiscoveryTest {

    private static final String PROBE_MODULE = "io.ae4j.it.probe";
    private static final String PROBE = PROBE_MODULE + ".Probe";
    private static final String SERVICES = "META-INF/services/" + BackendProvider.class.getName();

    @TempDir
    static Path work;

    private static Path api;
    private static Path naive;
    private static Path naiveWithoutServices;
    private static Path slf4j;
    private static Path probe;

    @BeforeAll
    static void buildTheProbe() throws IOException {
        api = location(Backends.class);
        naive = location(NaiveBackendProvider.class);
        slf4j = location(LoggerFactory.class);
        naiveWithoutServices = copyWithout(naive, SERVICES, work.resolve("naive-without-services"));
        probe = compileProbe(work.resolve("probe"));
    }

    @Test
    void onTheClassPathBackendsFindsABackendThroughMetaInfServices() throws Exception {
        // This JVM: ae-it's tests run on the class path, where ae-api and the backends are no modules.
        assertFalse(Backends.class.getModule().isNamed(), "ae-api is a named module in ae-it's tests");
        assertTrue(Backends.names().contains("naive"), Backends.describe());
        assertTrue(ServiceLoader.load(BackendProvider.class).stream()
                .anyMatch(provider -> provider.type() == NaiveBackendProvider.class), "the ServiceLoader did not list the naive provider");
        assertTrue(readServices(naive).contains(NaiveBackendProvider.class.getName()),
                "the naive backend's " + SERVICES + " does not list its provider");

        // A JVM of its own on the class path: found with the services file, not without it.
        Map<String, String> found = run(false, naive);
        assertEquals("naive", found.get("backend"), found.get("output"));
        assertEquals("unnamed", found.get("module"), found.get("output"));
        Map<String, String> notFound = run(false, naiveWithoutServices);
        assertTrue(notFound.containsKey("error") && notFound.get("error").contains("no ae4j backend is available"),
                notFound.get("output"));
    }

    @Test
    void onTheModulePathBackendsFindsTheNaiveBackendThroughProvidesAndUses() throws Exception {
        assumeTrue(isModule(api) && isModule(naive), "ae-api (" + api + ") or the naive backend (" + naive + ") was built"
                + " without its module-info.class: build them first (./mvnw -pl ae-it -am verify)");
        for (Path backend : List.of(naive, naiveWithoutServices)) {
            Map<String, String> found = run(true, backend);
            assertEquals("naive", found.get("backend"), found.get("output"));
            assertEquals("io.ae4j.backend.naive", found.get("module"), found.get("output"));
            assertEquals("io.ae4j.api", found.get("api"), found.get("output"));
            assertEquals("[io.ae4j.spi.BackendProvider with [io.ae4j.backend.naive.NaiveBackendProvider]]",
                    found.get("provides"), found.get("output"));
        }
    }

    /**
     * Runs the probe in a JVM of its own with ae-api, SLF4J's API and {@code backend} on the module
     * path or on the class path, and returns the lines it printed, by key, and all of it as "output".
     */
    private static Map<String, String> run(boolean modulePath, Path backend) throws IOException, InterruptedException {
        String path = Stream.of(probe, api, backend, slf4j).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(modulePath ? List.of("--module-path", path, "--module", PROBE_MODULE + "/" + PROBE)
                : List.of("-cp", path, PROBE));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("AE4J_BACKEND");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe did not finish: " + output);
        Map<String, String> result = new HashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.matches("^(backend|module|api|provides|error)=.*")) {
                result.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        result.put("output", String.join(" ", command) + "\n" + output);
        return result;
    }

    /** The probe module, compiled against ae-api as a module: it prints what {@link Backends} finds. */
    private static Path compileProbe(Path directory) throws IOException {
        Path sources = directory.resolve("src");
        Path classes = directory.resolve("classes");
        Path moduleInfo = sources.resolve("module-info.java");
        Path main = sources.resolve(PROBE.replace('.', '/') + ".java");
        Files.createDirectories(main.getParent());
        Files.writeString(moduleInfo, "module " + PROBE_MODULE + " {\n    requires io.ae4j.api;\n}\n");
        Files.writeString(main, String.join("\n",
                "package " + PROBE_MODULE + ";",
                "",
                "import io.ae4j.spi.Backend;",
                "import io.ae4j.spi.Backends;",
                "",
                "public final class Probe {",
                "    private Probe() {",
                "    }",
                "",
                "    public static void main(String[] args) {",
                "        try {",
                "            Backend backend = Backends.get();",
                "            Module module = backend.getClass().getModule();",
                "            System.out.println(\"backend=\" + backend.name());",
                "            System.out.println(\"module=\" + (module.isNamed() ? module.getName() : \"unnamed\"));",
                "            System.out.println(\"api=\" + Backends.class.getModule().getName());",
                "            if (module.isNamed()) {",
                "                System.out.println(\"provides=\" + module.getDescriptor().provides());",
                "            }",
                "        } catch (RuntimeException e) {",
                "            System.out.println(\"error=\" + String.valueOf(e.getMessage()).replace('\\n', ' '));",
                "        }",
                "    }",
                "}",
                ""));
        // Built before ae-api had its module-info.class, ae-api can only be compiled against on the class path;
        // then the probe is no module, and the module path test is skipped.
        List<String> arguments = new ArrayList<>(isModule(api)
                ? List.of("--module-path", api + File.pathSeparator + slf4j, moduleInfo.toString())
                : List.of("-cp", api.toString()));
        arguments.addAll(List.of("-d", classes.toString(), main.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, messages, messages, arguments.toArray(String[]::new));
        assertEquals(0, status, messages.toString(StandardCharsets.UTF_8));
        return classes;
    }

    /** The class path entry, a directory or a jar, that {@code type} was loaded from. */
    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isModule(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve("module-info.class"));
        }
        try (FileSystem jar = FileSystems.newFileSystem(entry)) {
            return Files.exists(jar.getPath("module-info.class"));
        }
    }

    private static String readServices(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            return Files.readString(entry.resolve(SERVICES));
        }
        try (FileSystem jar = FileSystems.newFileSystem(entry); InputStream in = Files.newInputStream(jar.getPath(SERVICES))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A copy of {@code entry}'s files, from a directory or a jar, into {@code target}, less {@code left}. */
    private static Path copyWithout(Path entry, String left, Path target) throws IOException {
        if (Files.isDirectory(entry)) {
            copyTree(entry, left, target);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(entry)) {
                copyTree(jar.getPath("/"), left, target);
            }
        }
        assertFalse(Files.exists(target.resolve(left)));
        return target;
    }

    private static void copyTree(Path from, String left, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String relative = from.relativize(file).toString();
                if (!relative.equals(left)) {
                    Path copy = target.resolve(relative);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
    }
}
