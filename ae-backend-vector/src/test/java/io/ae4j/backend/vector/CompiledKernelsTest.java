package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.FitConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once C2 has compiled the backend's kernels, every Vector API call in them is inlined. A call
 * that C2 leaves out of line takes or returns its vectors as objects, so each step allocates and
 * slows down; so does every call after C2 has stopped guessing classes, which it does past 100
 * class-check traps in the code it inlines into one kernel (see {@code DispatchProfiles}).
 * Whether either happens depends on C2's node budget and on the order of compilation, so the
 * kit's allocation checks see it in some runs only; the compiler's own log reports it in every
 * run, which this test reads.
 *
 * <p>A child JVM trains models that use every activation, loss and optimizer, first one model
 * alone (its call sites see one or two activations, as in most applications), then all of them
 * in turn (as in the kit), with {@code -XX:+LogCompilation}.
 */
class CompiledKernelsTest {

    /** One attribute of a line of the log: {@code name='value'}. */
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)='([^']*)'");
    /** The Vector API's classes and its intrinsics, as the log names them. */
    private static final Pattern VECTOR_API = Pattern.compile("jdk\\.(incubator|internal\\.vm)\\.vector\\..*");

    @Test
    void c2InlinesEveryVectorApiCallInTheCompiledKernels(@TempDir Path directory)
            throws IOException, InterruptedException {
        assumeTrue(hasC2(), "reads the compilation log of HotSpot's C2, which " + System.getProperty("java.vm.name")
                + " does not have");
        Path log = directory.resolve("compilation.xml");
        List<String> options = new ArrayList<>(List.of(
                "-XX:+UnlockDiagnosticVMOptions", "-XX:+LogCompilation", "-XX:LogFile=" + log));
        // As this JVM was started: the instruction set C2 may use, and the backend's test hooks.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:UseAVX") || option.equals("-XX:+IgnoreUnrecognizedVMOptions")
                        || option.startsWith("-Dae4j."))
                .forEach(options::add);
        Process process = new ProcessBuilder(ChildJvm.command(CompiledKernelsTest.class, options)).redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.txt").toFile()).start();
        assertEquals(0, process.waitFor(), "the child JVM failed: " + Files.readString(directory.resolve("output.txt")));

        assertEquals(new TreeSet<String>(), callsLeftToTheFallback(log),
                "calls of the Vector API that C2 left to the API's Java fallback in a compiled kernel (compiled method: callee, reason)");
    }

    @Test
    void theLogReaderReportsBothWaysToTheFallback(@TempDir Path directory) throws IOException {
        // Lines as C2 writes them (trimmed): one kernel with a Vector API call it did not inline,
        // one where it stopped guessing classes before a call, and a level-3 (C1) task it ignores.
        Path log = directory.resolve("compilation.xml");
        Files.write(log, List.of(
                "<task compile_id='1' method='io.ae4j.backend.vector.VectorGemm kernel8x2 (II)V' bytes='900'>",
                "<klass id='10' name='jdk/incubator/vector/FloatVector' flags='1025'/>",
                "<method id='11' holder='10' name='fma' flags='17' bytes='12'/>",
                "<call method='11' count='5000' inline='1'/>",
                "<inline_fail reason='NodeCountInliningCutoff'/>",
                "<task_done success='1'/>",
                "</task>",
                "<task compile_id='2' method='io.ae4j.backend.vector.VectorExp ofMinusAbs (II)V' bytes='300'>",
                "<klass id='20' name='jdk/incubator/vector/FloatVector' flags='1025'/>",
                "<method id='21' holder='20' name='intoArray' flags='17' bytes='46'/>",
                "<call method='21' count='5000' inline='1'/>",
                "<observe trap='class_check' count='0' mcount='0' ccount='104'/>",
                "<call method='21' count='5000' inline='1'/>",
                "</task>",
                "<task compile_id='3' method='io.ae4j.backend.vector.VectorExp ofMinusAbs (II)V' bytes='300' level='3'>",
                "<klass id='20' name='jdk/incubator/vector/FloatVector' flags='1025'/>",
                "<method id='21' holder='20' name='intoArray' flags='17' bytes='46'/>",
                "<call method='21' count='5000' inline='1'/>",
                "<inline_fail reason='too big'/>",
                "</task>"));
        assertEquals(new TreeSet<>(List.of(
                "io.ae4j.backend.vector.VectorGemm.kernel8x2: jdk.incubator.vector.FloatVector.fma, NodeCountInliningCutoff",
                "io.ae4j.backend.vector.VectorExp.ofMinusAbs: jdk.incubator.vector.FloatVector.intoArray and the calls"
                        + " after it, after 104 class-check traps")), callsLeftToTheFallback(log));
    }

    /** Whether this is HotSpot with C2, whose node budget is the flag asked for. */
    private static boolean hasC2() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            return hotSpot != null && hotSpot.getVMOption("MaxNodeLimit") != null;
        } catch (IllegalArgumentException noSuchOption) {
            return false;
        }
    }

    /**
     * The Vector API calls that a C2 compilation of one of the project's methods did not inline,
     * each as "compiled method: callee, reason", and the compilations in which C2 stopped guessing
     * classes.
     */
    private static TreeSet<String> callsLeftToTheFallback(Path log) throws IOException {
        TreeSet<String> calls = new TreeSet<>();
        Map<String, String> classes = new HashMap<>();
        Map<String, String> methods = new HashMap<>();
        String task = null;
        String callee = null;
        String trapsSeen = null;
        // Latin-1 reads any byte, so a stray non-ASCII name cannot stop the scan.
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Map<String, String> attributes = attributes(line);
                if (line.startsWith("<task ")) {
                    // Ids of classes and methods are numbered afresh in each task.
                    classes.clear();
                    methods.clear();
                    // The method as "io.ae4j.Class name (signature)"; C2's tasks have no level.
                    String[] method = attributes.getOrDefault("method", "").split(" ");
                    boolean c2 = attributes.getOrDefault("level", "4").equals("4");
                    task = c2 && method.length > 1 && method[0].startsWith("io.ae4j.") ? method[0] + "." + method[1] : null;
                    trapsSeen = null;
                } else if (task == null) {
                    continue;
                } else if (line.startsWith("<klass ")) {
                    classes.put(attributes.get("id"), attributes.get("name").replace('/', '.'));
                } else if (line.startsWith("<method ")) {
                    methods.put(attributes.get("id"), classes.get(attributes.get("holder")) + "." + attributes.get("name"));
                } else if (line.startsWith("<call ")) {
                    callee = methods.get(attributes.get("method"));
                    if (trapsSeen != null && callee != null && VECTOR_API.matcher(callee).matches()) {
                        calls.add(task + ": " + callee + " and the calls after it, after " + trapsSeen
                                + " class-check traps");
                        trapsSeen = null;
                    }
                } else if (line.startsWith("<inline_fail ") && callee != null && VECTOR_API.matcher(callee).matches()
                        && !attributes.get("reason").equals("call site not reached")) {
                    // A call site not reached yet is compiled as a trap that recompiles, not as a call.
                    calls.add(task + ": " + callee + ", " + attributes.get("reason"));
                } else if (line.startsWith("<observe trap='class_check' count='0' mcount=")) {
                    // Past its limit of class-check traps, C2 guesses no vector's class: the API's
                    // calls compiled after that fall back, and nothing else in the log says so.
                    trapsSeen = attributes.get("ccount");
                }
            }
        }
        return calls;
    }

    private static Map<String, String> attributes(String line) {
        Map<String, String> attributes = new HashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(line);
        while (matcher.find()) {
            attributes.put(matcher.group(1), matcher.group(2));
        }
        return attributes;
    }

    /** The child JVM's work: long enough for C2 to compile every kernel these models use. */
    public static void main(String[] args) {
        List<Autoencoder> models = List.of(
                model(Activation.RELU, Activation.SIGMOID, Loss.mse(), Optimizer.adam()),
                model(Activation.TANH, Activation.SIGMOID, Loss.binaryCrossEntropy(), Optimizer.sgd(0.01, 0.9, true)),
                model(Activation.LEAKY_RELU, Activation.LINEAR, Loss.mae(), Optimizer.rmsProp(0.001)),
                model(Activation.SOFTPLUS, Activation.SIGMOID, Loss.mse(), Optimizer.sgd(0.01)));
        float[][] data = new float[512][300];
        SplittableRandom random = new SplittableRandom(1);
        for (float[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextDouble();
            }
        }
        // Batches of 64 rows keep the activations on one thread; of 128 (38,400 outputs), they are split.
        List<FitConfig> fiveEpochs = List.of(FitConfig.builder().epochs(5).batchSize(64).build(),
                FitConfig.builder().epochs(5).batchSize(128).build());
        for (int round = 0; round < 12; round++) {
            models.get(0).fit(data, fiveEpochs.get(round % 2));
        }
        for (int round = 0; round < 12; round++) {
            FitConfig config = fiveEpochs.get(round % 2);
            models.forEach(model -> model.fit(data, config));
        }
    }

    private static Autoencoder model(Activation hidden, Activation output, Loss loss, Optimizer optimizer) {
        return Autoencoder.builder().inputSize(300)
                .encoder(Dense.of(256, hidden), Dense.of(32, Activation.LINEAR))
                .decoder(Dense.of(256, hidden), Dense.of(300, output))
                .loss(loss).optimizer(optimizer).seed(1).backend(new VectorBackend()).build();
    }
}
