package io.ae4j.it.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.ae4j.it.architecture.Ae4jModules.AE_API;
import static io.ae4j.it.architecture.Ae4jModules.JDK;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * ae4j's layering, as ArchUnit rules: ae-api at the bottom, knowing no backend; the backends on
 * ae-api's SPI and their own library only; everything else reaching backends through
 * {@code io.ae4j.spi.Backends} and the {@code Backend} interface. {@link LayeringTest} checks them
 * against every module's main classes, {@link LayeringRulesCanFailTest} that each reports a class
 * that breaks it.
 */
final class LayeringRules {

    private static final String BACKENDS = "io.ae4j.backend..";
    private static final String SPI = "io.ae4j.spi..";
    private static final String KERNELS = "io.ae4j.spi.kernels..";
    /** ae-api's package of FloatMatrix, the scalers and the heap checks: not ae-data's io.ae4j.data.file. */
    private static final String DATA = "io.ae4j.data";

    /** The modules that use backends: applications and integrations, but no backend. */
    private static final String[] BACKEND_USERS = {
        "io.ae4j.cli..", "io.ae4j.spark..", "io.ae4j.onnx..", "io.ae4j.guice..", "io.ae4j.bench..",
        "io.ae4j.examples..", "io.ae4j.data.file..", "io.ae4j.tck..",
    };

    private LayeringRules() {
    }

    // 1. ae-api depends on no backend and on no library but SLF4J.

    static final ArchRule API_DEPENDS_ON_NO_BACKEND = noClasses().that(AE_API)
            .should().dependOnClassesThat().resideInAPackage(BACKENDS)
            .because("ae-api is the contract backends implement and finds them with the ServiceLoader at run time: it"
                    + " must build, test and ship without any of them, and an application must be able to leave out"
                    + " any backend it does not use");

    static final ArchRule API_DEPENDS_ONLY_ON_THE_JDK_AND_SLF4J = classes().that(AE_API)
            .should().onlyDependOnClassesThat(AE_API.or(JDK).or(resideInAPackage("org.slf4j..")))
            .because("ae-api's one library is SLF4J: any other would reach every application and every backend,"
                    + " whose versions of it would then have to agree with ae-api's");

    // 2. No cycles between ae-api's packages, and the SPI on nothing of ae-api but itself and io.ae4j.data.

    static final ArchRule API_PACKAGES_ARE_FREE_OF_CYCLES = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            return AE_API.test(type) ? SliceIdentifier.of(type.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "ae-api's packages, one slice each";
        }
    }).should().beFreeOfCycles()
            .because("packages that depend on each other are one package in all but name: neither can be"
                    + " understood, tested or changed without the other");

    static final ArchRule SPI_DEPENDS_ON_NOTHING_OF_THE_API_BUT_ITSELF_AND_DATA = noClasses().that().resideInAPackage(SPI)
            .should().dependOnClassesThat(AE_API.and(resideOutsideOfPackages(SPI, DATA))
                    .as("ae-api's classes outside io.ae4j.spi.. and io.ae4j.data"))
            .because("the SPI is all a backend compiles against: were it to use the layers, losses, optimizers or"
                    + " the engine, every backend would depend on them too, and they, which call backends through"
                    + " the SPI, on the SPI in a cycle; FloatMatrix is the one exception, the matrix backends read"
                    + " and write");

    // 3. A backend depends on the SPI, FloatMatrix, itself, the JDK and its own library only.

    static final ArchRule NAIVE_BACKEND_DEPENDS_ONLY_ON_THE_SPI = backendDependsOnlyOn("naive", "the JDK alone");

    static final ArchRule EJML_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_EJML = backendDependsOnlyOn("ejml", "EJML", "org.ejml..");

    static final ArchRule ND4J_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_ND4J =
            backendDependsOnlyOn("nd4j", "ND4J and JavaCPP", "org.nd4j..", "org.bytedeco..");

    static final ArchRule VECTOR_BACKEND_DEPENDS_ONLY_ON_THE_SPI_AND_THE_VECTOR_API =
            backendDependsOnlyOn("vector", "the Vector API", "jdk.incubator.vector..");

    static final ArchRule BACKENDS_DO_NOT_DEPEND_ON_EACH_OTHER = slices().matching("io.ae4j.backend.(*)..")
            .namingSlices("backend $1")
            .should().notDependOnEachOther()
            .because("each backend is a jar of its own, which an application may leave out: one that used another"
                    + " would fail without it");

    // 4. Applications and integrations reach backends only through Backends and the Backend interface.

    static final ArchRule APPLICATIONS_REACH_BACKENDS_ONLY_THROUGH_THE_SPI = noClasses()
            .that().resideInAnyPackage(BACKEND_USERS)
            .should().dependOnClassesThat().resideInAPackage(BACKENDS)
            .because("a backend is chosen at run time, by io.ae4j.spi.Backends from what is on the class path and"
                    + " the ae4j.backend setting, and used through the Backend interface: code that names a backend's"
                    + " classes fails without that backend's jar and cannot run on another (ae-bench's peer"
                    + " benchmarks call ND4J and Deeplearning4j themselves, not ae4j's ND4J backend)");

    // 5. Users never see backend types; the shared kernels are the backends' and ae-api's only.

    static final ArchRule API_METHODS_NEITHER_TAKE_NOR_RETURN_BACKEND_TYPES = codeUnits()
            .that().arePublic().and().areDeclaredInClassesThat(AE_API)
            .should(new ArchCondition<JavaCodeUnit>("neither take nor return a type of " + BACKENDS) {
                @Override
                public void check(JavaCodeUnit method, ConditionEvents events) {
                    Set<JavaClass> seen = new LinkedHashSet<>(method.getReturnType().getAllInvolvedRawTypes());
                    for (JavaType parameter : method.getParameterTypes()) {
                        seen.addAll(parameter.getAllInvolvedRawTypes());
                    }
                    for (JavaClass type : seen) {
                        if (type.getPackageName().startsWith("io.ae4j.backend.")) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getDescription() + " takes or returns " + type.getName()));
                        }
                    }
                }
            })
            .because("users choose a backend by name, at run time, and hold it as an io.ae4j.spi.Backend: a method"
                    + " of the API with a backend's type in its signature would tie their code to that backend's jar");

    static final ArchRule KERNELS_ARE_USED_ONLY_BY_BACKENDS_AND_THE_API = noClasses()
            .that(DescribedPredicate.not(AE_API).and(resideOutsideOfPackage(BACKENDS)).as("classes neither ae-api's nor a backend's"))
            .should().dependOnClassesThat().resideInAPackage(KERNELS)
            .because("io.ae4j.spi.kernels is the heap backends' shared code, not API: it changes with the backends,"
                    + " and ae-api's module exports it to the backend modules only");

    /**
     * Rule 3 for one backend: {@code libraryPackages} are those of its {@code library}; a backend
     * without a library passes none.
     */
    private static ArchRule backendDependsOnlyOn(String backend, String library, String... libraryPackages) {
        String own = "io.ae4j.backend." + backend + "..";
        DescribedPredicate<JavaClass> allowed = resideInAnyPackage(own, SPI, DATA).or(JDK);
        String what = "the SPI's, io.ae4j.data's, its own or the JDK's";
        if (libraryPackages.length > 0) {
            allowed = allowed.or(resideInAnyPackage(libraryPackages));
            what = "the SPI's, io.ae4j.data's, its own, the JDK's or " + library + "'s";
        }
        return classes().that().resideInAPackage(own)
                .should().onlyDependOnClassesThat(allowed.as(what))
                .because("a backend implements ae-api's SPI on " + library + ": any more of ae-api would make the SPI"
                        + " leak (and tie the backend to the engine that calls it), and any other library would be a"
                        + " dependency every user of the backend carries");
    }
}
