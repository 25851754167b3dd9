package io.ae4j.it.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ae4j's modules as the architecture tests see them: where each one's main classes are, which
 * packages are ae-api's, and which classes are the JDK's.
 */
final class Ae4jModules {

    /** The modules with main classes, by directory. ae-it has tests only; ae-bom no classes. */
    static final List<String> MODULES = List.of("ae-api", "ae-data", "ae-tck", "ae-backend-naive", "ae-backend-ejml",
            "ae-backend-nd4j", "ae-backend-vector", "ae-guice", "ae-bench", "ae-onnx", "ae-cli", "ae-spark", "ae-examples");

    /**
     * The packages of every module but ae-api: everything else in {@code io.ae4j..} is ae-api's. Named
     * this way round so that a package added to ae-api is held to ae-api's rules without a change here.
     * {@link LayeringTest#theApiPackagesAreExactlyAeApisClasses} checks this against the modules' classes.
     */
    static final String[] OTHER_MODULES_PACKAGES = {
        "io.ae4j.backend..", "io.ae4j.cli..", "io.ae4j.spark..", "io.ae4j.onnx..", "io.ae4j.bench..",
        "io.ae4j.tck..", "io.ae4j.guice..", "io.ae4j.data.file..", "io.ae4j.examples..", "io.ae4j.it..",
    };

    /** ae-api's classes, by package: {@code io.ae4j..} but not the other modules' packages. */
    static final DescribedPredicate<JavaClass> AE_API = JavaClass.Predicates.resideInAPackage("io.ae4j..")
            .and(JavaClass.Predicates.resideOutsideOfPackages(OTHER_MODULES_PACKAGES))
            .as("ae-api's classes");

    /**
     * The JDK's classes: those in a package of one of the JDK's modules, less its incubator modules
     * (which need a flag to be resolved at all), and the primitive types, of arrays too.
     */
    static final DescribedPredicate<JavaClass> JDK = jdk();

    private Ae4jModules() {
    }

    private static DescribedPredicate<JavaClass> jdk() {
        Set<String> packages = ModuleFinder.ofSystem().findAll().stream()
                .map(ModuleReference::descriptor)
                .filter(module -> !module.name().startsWith("jdk.incubator."))
                .flatMap(module -> module.packages().stream())
                .collect(Collectors.toUnmodifiableSet());
        return DescribedPredicate.describe("the JDK's (less its incubator modules)", type -> {
            JavaClass base = type.getBaseComponentType();
            return base.isPrimitive() || packages.contains(base.getPackageName());
        });
    }

    /** The checkout's root directory: ae-it's parent. */
    static Path root() {
        // Surefire sets basedir; an IDE runs tests in the module's directory.
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize().getParent();
    }

    /**
     * Each module's main classes directory, by module. Fails if one is missing or empty, since a rule
     * would then pass without looking at that module: build ae-it with the modules it depends on
     * ({@code -am}), which its pom lists for that.
     */
    static Map<String, Path> classesDirectories() {
        Map<String, Path> directories = new LinkedHashMap<>();
        for (String module : MODULES) {
            Path classes = root().resolve(module).resolve("target").resolve("classes");
            if (!hasClasses(classes)) {
                throw new IllegalStateException(classes + " holds no classes: build " + module + " before ae-it's "
                        + "architecture tests (./mvnw -pl ae-it -am verify, or the whole build)");
            }
            directories.put(module, classes);
        }
        return directories;
    }

    private static boolean hasClasses(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(file -> file.toString().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The main classes of every module, for {@code @AnalyzeClasses}: none of their tests, none of ae-it's. */
    static final class MainClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return classesDirectories().values().stream()
                    .map(Location::of)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }
}
