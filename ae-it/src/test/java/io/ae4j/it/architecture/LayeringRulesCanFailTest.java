package io.ae4j.it.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.ae4j.archfixture.api.ApiFixtures;
import io.ae4j.archfixture.cycle.a.Ping;
import io.ae4j.archfixture.cycle.b.Pong;
import io.ae4j.backend.ejml.archfixture.EjmlFixtures;
import io.ae4j.backend.naive.archfixture.NaiveFixtures;
import io.ae4j.backend.nd4j.archfixture.Nd4jFixtures;
import io.ae4j.backend.vector.archfixture.VectorFixtures;
import io.ae4j.cli.archfixture.CliFixtures;
import io.ae4j.guice.archfixture.GuiceFixtures;
import io.ae4j.spi.archfixture.SpiFixtures;
import org.junit.jupiter.api.Test;

/**
 * Each layering rule reports a class that breaks it, so that {@link LayeringTest} passing means the
 * rules held, not that they could not fail. The classes that break them are fixtures in ae-it's test
 * sources, in packages named like the modules the rules are about (io.ae4j.cli.archfixture counts as
 * ae-cli's, io.ae4j.archfixture as ae-api's); {@link LayeringTest} reads main classes only, so never
 * sees them. Where a fixture keeps a rule, the rule must accept it: the rules do not fail on everything.
 */
class LayeringRulesCanFailTest {

    @Test
    void apiDependsOnNoBackend() {
        assertReports(LayeringRules.API_DEPENDS_ON_NO_BACKEND, ApiFixtures.ReachesIntoABackend.class);
        assertAccepts(LayeringRules.API_DEPENDS_ON_NO_BACKEND, ApiFixtures.KeepsToTheJdkAndSlf4j.class);
    }

    @Test
    void apiDependsOnlyOnTheJdkAndSlf4j() {
        assertReports(LayeringRules.API_DEPENDS_ONLY_ON_THE_JDK_AND_SLF4J, ApiFixtures.UsesEjml.class);
        assertAccepts(LayeringRules.API_DEPENDS_ONLY_ON_THE_JDK_AND_SLF4J, ApiFixtures.KeepsToTheJdkAndSlf4j.class);
    }

    @Test
    void apiPackagesAreFreeOfCycles() {
        assertReports(LayeringRules.API_PACKAGES_ARE_FREE_OF_CYCLES, Ping.class, Pong.class);
        assertAccepts(LayeringRules.API_PACKAGES_ARE_FREE_OF_CYCLES, Ping.class, ApiFixtures.KeepsToTheJdkAndSlf4j.class);
    }

    @Test
    void spiDependsOnNothingOfTheApiButItselfAndData() {
        assertReports(LayeringRules.SPI_DEPENDS_ON_NOTHING_OF_THE_API_BUT_ITSELF_AND_DATA, SpiFixtures.UsesTheLayers.class);
        assertAccepts(LayeringRules.SPI_DEPENDS_ON_NOTHING_OF_THE_API_BUT_ITSELF_AND_DATA,
                SpiFixtures.KeepsToItselfAndData.class);
    }

    @Test
    void eachBackendDependsOnlyOnTheSpiAndItsOwnLibrary() {
        assertReports(LayeringRules.NAIVE_BACKEND_DEPENDS_ONLY_ON_THE_SPI, NaiveFixtures.UsesEjml.class);
        assertAccepts(LayeringRules.NAIVE_BACKEND_DEPENDS_ONLY_ON_THE_SPI, NaiveFixtures.KeepsToTheSpi.class);
        assertReports(LayeringRules.EJML_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_EJML, EjmlFixtures.UsesNd4j.class);
        assertAccepts(LayeringRules.EJML_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_EJML, EjmlFixtures.KeepsToTheSpiAndEjml.class);
        assertReports(LayeringRules.ND4J_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_ND4J, Nd4jFixtures.UsesEjml.class);
        assertAccepts(LayeringRules.ND4J_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_ND4J, Nd4jFixtures.KeepsToTheSpiAndNd4j.class);
        assertReports(LayeringRules.VECTOR_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_THE_VECTOR_API, VectorFixtures.UsesEjml.class);
    }

    @Test
    void backendsDoNotDependOnEachOther() {
        assertReports(LayeringRules.BACKENDS_DO_NOT_DEPEND_ON_EACH_OTHER, EjmlFixtures.UsesTheNaiveBackend.class);
        // ... which the EJML backend's own rule reports too.
        assertReports(LayeringRules.EJML_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_EJML, EjmlFixtures.UsesTheNaiveBackend.class);
    }

    @Test
    void applicationsReachBackendsOnlyThroughTheSpi() {
        assertReports(LayeringRules.APPLICATIONS_REACH_BACKENDS_ONLY_THROUGH_THE_SPI, CliFixtures.CreatesTheNaiveBackend.class);
        assertAccepts(LayeringRules.APPLICATIONS_REACH_BACKENDS_ONLY_THROUGH_THE_SPI, CliFixtures.AsksBackends.class);
    }

    @Test
    void apiMethodsNeitherTakeNorReturnBackendTypes() {
        assertReports(LayeringRules.API_METHODS_NEITHER_TAKE_NOR_RETURN_BACKEND_TYPES, ApiFixtures.HandsOutABackend.class);
        assertAccepts(LayeringRules.API_METHODS_NEITHER_TAKE_NOR_RETURN_BACKEND_TYPES, ApiFixtures.KeepsToTheJdkAndSlf4j.class);
    }

    @Test
    void kernelsAreUsedOnlyByBackendsAndTheApi() {
        assertReports(LayeringRules.KERNELS_ARE_USED_ONLY_BY_BACKENDS_AND_THE_API, GuiceFixtures.UsesTheKernels.class);
        assertAccepts(LayeringRules.KERNELS_ARE_USED_ONLY_BY_BACKENDS_AND_THE_API, CliFixtures.AsksBackends.class,
                NaiveFixtures.KeepsToTheSpi.class);
    }

    /** {@code rule}, evaluated on {@code violator} and {@code others}, reports a violation that names {@code violator}. */
    private static void assertReports(ArchRule rule, Class<?> violator, Class<?>... others) {
        EvaluationResult result = evaluate(rule, violator, others);
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(result.hasViolation(), "not reported by: " + rule.getDescription() + "\n" + violator.getName());
        assertTrue(report.contains(violator.getName()), "the report does not name " + violator.getName() + ":\n" + report);
    }

    /** {@code rule}, evaluated on {@code compliant} and {@code others}, reports nothing. */
    private static void assertAccepts(ArchRule rule, Class<?> compliant, Class<?>... others) {
        EvaluationResult result = evaluate(rule, compliant, others);
        assertFalse(result.hasViolation(), () -> rule.getDescription() + " rejects a class that keeps it:\n"
                + String.join("\n", result.getFailureReport().getDetails()));
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?> first, Class<?>... others) {
        Class<?>[] all = new Class<?>[others.length + 1];
        all[0] = first;
        System.arraycopy(others, 0, all, 1, others.length);
        return rule.evaluate(new ClassFileImporter().importClasses(all));
    }
}
