package io.ae4j.it.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ae4j's layering rules ({@link LayeringRules}), checked against the main classes of every module,
 * read from each module's {@code target/classes}: no test classes, so tests may use whatever they need.
 */
@AnalyzeClasses(locations = Ae4jModules.MainClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    // 1. ae-api
    @ArchTest
    static final ArchRule apiDependsOnNoBackend = LayeringRules.API_DEPENDS_ON_NO_BACKEND;
    @ArchTest
    static final ArchRule apiDependsOnlyOnTheJdkAndSlf4j = LayeringRules.API_DEPENDS_ONLY_ON_THE_JDK_AND_SLF4J;

    // 2. ae-api's packages
    @ArchTest
    static final ArchRule apiPackagesAreFreeOfCycles = LayeringRules.API_PACKAGES_ARE_FREE_OF_CYCLES;
    @ArchTest
    static final ArchRule spiDependsOnNothingOfTheApiButItselfAndData =
            LayeringRules.SPI_DEPENDS_ON_NOTHING_OF_THE_API_BUT_ITSELF_AND_DATA;

    // 3. backends
    @ArchTest
    static final ArchRule naiveBackendDependsOnlyOnTheSpi = LayeringRules.NAIVE_BACKEND_DEPENDS_ONLY_ON_THE_SPI;
    @ArchTest
    static final ArchRule ejmlBackendDependsOnlyOnTheSpiAndEjml = LayeringRules.EJML_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_EJML;
    @ArchTest
    static final ArchRule nd4jBackendDependsOnlyOnTheSpiAndNd4j = LayeringRules.ND4J_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_ND4J;
    @ArchTest
    static final ArchRule vectorBackendDependsOnlyOnTheSpiAndTheVectorApi =
            LayeringRules.VECTOR_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_THE_VECTOR_API;
    @ArchTest
    static final ArchRule backendsDoNotDependOnEachOther = LayeringRules.BACKENDS_DO_NOT_DEPEND_ON_EACH_OTHER;

    // 4. applications and integrations
    @ArchTest
    static final ArchRule applicationsReachBackendsOnlyThroughTheSpi = LayeringRules.APPLICATIONS_REACH_BACKENDS_ONLY_THROUGH_THE_SPI;

    // 5. what users and other modules see
    @ArchTest
    static final ArchRule apiMethodsNeitherTakeNorReturnBackendTypes = LayeringRules.API_METHODS_NEITHER_TAKE_NOR_RETURN_BACKEND_TYPES;
    @ArchTest
    static final ArchRule kernelsAreUsedOnlyByBackendsAndTheApi = LayeringRules.KERNELS_ARE_USED_ONLY_BY_BACKENDS_AND_THE_API;

    /**
     * The rules name ae-api's classes by package ({@link Ae4jModules#AE_API}): that must pick exactly
     * the classes of ae-api's jar, and every module must have been read.
     */
    @ArchTest
    static void theApiPackagesAreExactlyAeApisClasses(JavaClasses classes) {
        Map<String, Path> directories = Ae4jModules.classesDirectories();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> misplaced = new ArrayList<>();
        for (JavaClass type : classes) {
            Path file = Path.of(type.getSource().orElseThrow().getUri());
            String module = directories.entrySet().stream()
                    .filter(entry -> file.startsWith(entry.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(type.getName() + " from " + file + ", no module's classes"));
            counts.merge(module, 1, Integer::sum);
            if (module.equals("ae-api") != Ae4jModules.AE_API.test(type)) {
                misplaced.add(type.getName() + " (" + module + ")");
            }
        }
        assertEquals(List.of(), misplaced, "classes the package rules place in the wrong module: update "
                + "Ae4jModules.OTHER_MODULES_PACKAGES");
        assertEquals(new TreeMap<>(directories).keySet(), counts.keySet(), "modules read: " + counts);
    }
}
