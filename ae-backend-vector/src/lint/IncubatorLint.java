import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac -Werror for code on an incubator module: compiles a source tree with the given javac options
 * and fails on every warning except "using incubating module(s)".
 *
 * <p>Up to JDK 21 that warning belongs to no -Xlint category: neither -Xlint:-options nor any other
 * category silences it, and -Xlint:none (or -nowarn), which does, silences the real warnings as well,
 * so a module compiled with --add-modules jdk.incubator.vector cannot use -Werror (JDK-8187591; JDK 22
 * adds -Xlint:-incubating). ae-backend-vector's pom runs this after each compilation instead.
 *
 * <p>Run as a source-file program: {@code java IncubatorLint.java <classpath> <source dir> <javac option>...}.
 * It writes its classes to a temporary directory and deletes it; the build's own classes are untouched.
 */
public final class IncubatorLint {

    private static final String INCUBATING = "compiler.warn.incubating.modules";

    private IncubatorLint() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java IncubatorLint.java <classpath> <source dir> <javac option>...");
            System.exit(2);
        }
        Path sources = Path.of(args[1]);
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).sorted().collect(Collectors.toList());
        }
        if (files.isEmpty()) {
            return;
        }
        Path out = Files.createTempDirectory("incubator-lint");
        List<String> options = new ArrayList<>(List.of(args).subList(2, args.length));
        // A module's sources (module-info.java) compile against their dependencies as modules.
        String path = files.stream().anyMatch(f -> f.getName().equals("module-info.java")) ? "--module-path" : "-classpath";
        options.addAll(List.of(path, args[0], "-d", out.toString(), "-proc:none", "-Xmaxwarns", "10000"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled;
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            compiled = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
        } finally {
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }

        int problems = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (INCUBATING.equals(d.getCode()) || d.getKind() == Diagnostic.Kind.NOTE || d.getKind() == Diagnostic.Kind.OTHER) {
                continue;
            }
            problems++;
            String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
            System.err.println(where + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT));
        }
        if (!compiled || problems > 0) {
            System.err.println(sources + ": " + problems + " warning(s) or error(s) besides the incubating-module warning");
            System.exit(1);
        }
        System.out.println(sources + ": " + files.size() + " files, no warnings besides the incubating-module warning");
    }
}
