package dev.kumo.build.java;

import dev.kumo.build.spi.BuildOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A directory of sources (or a Maven-shaped {@code src/main/java} without a build tool) compiled in process with the
 * JDK Kumo runs on; the classes are kept in the Build's cache and reused while the sources are unchanged.
 */
final class SourcesCompile {

    private static final List<String> OPTIONS = List.of("-encoding", "UTF-8", "-parameters", "-Xlint:none");

    private SourcesCompile() {
    }

    /** Compiles {@code sourceDir}'s Java sources (or takes them from the cache); throws {@link StepFailed}. */
    static AppLayout compile(Path sourceDir, Map<String, String> params, Path cacheDir, BuildOutput output)
            throws InterruptedException {
        Path sourceRoot = Files.isDirectory(sourceDir.resolve("src/main/java")) ? sourceDir.resolve("src/main/java")
                : sourceDir;
        Path resources = sourceDir.resolve(sourceRoot.equals(sourceDir) ? "resources" : "src/main/resources");
        List<Path> sources = SourceTree.files(sourceRoot, ".java");
        if (sources.isEmpty()) {
            throw new StepFailed("compile", "NoSources", List.of("no .java files under " + sourceRoot));
        }
        String mainClass = SourceTree.mainClass(params.get("main-class"), sources);
        Path classes = cacheDir.resolve("java/classes");
        Path stamp = cacheDir.resolve("java/classes.sha256");
        String key = SourceTree.hash(sourceRoot, sources, Runtime.version().toString(), OPTIONS.toString());
        if (Directories.stamp(stamp).filter(key::equals).isPresent() && Files.isDirectory(classes)) {
            output.line("sources unchanged (" + sources.size() + " files): reusing the compiled classes");
        } else {
            output.line("javac " + sources.size() + " files (JDK " + Runtime.version() + ")");
            Directories.replace(classes, stamp, key, scratch -> javac(sourceDir, sources, scratch, output));
        }
        List<AppLayout.Layer> layers = new ArrayList<>();
        String classPath = "/app/classes";
        if (Files.isDirectory(resources)) {
            layers.add(new AppLayout.Layer("resources", resources, "/app/resources"));
            classPath = "/app/classes:/app/resources";
        }
        layers.add(new AppLayout.Layer("classes", classes, "/app/classes"));
        return new AppLayout(layers, classPath, mainClass);
    }

    private static void javac(Path sourceDir, List<Path> sources, Path into, BuildOutput output) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new StepFailed("compile", "JdkMissing", List.of("Kumo runs on a JRE without javac ("
                    + System.getProperty("java.home") + "): run it on a JDK 21 or later"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(OPTIONS);
        options.addAll(List.of("-d", into.toString()));
        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            compiled = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(
                    sources)).call();
        } catch (IOException e) {
            throw new UncheckedIOException("compiling the sources under " + sourceDir, e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            String line = describe(sourceDir, diagnostic);
            output.line(line);
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(line);
            }
        }
        if (!compiled) {
            throw new StepFailed("compile", "CompileFailed", errors.subList(Math.max(0, errors.size()
                    - ChildProcess.TAIL_LINES), errors.size()));
        }
    }

    /** {@code path:line: error: message}, as javac prints it, the path relative to the source directory. */
    static String describe(Path sourceDir, Diagnostic<? extends JavaFileObject> diagnostic) {
        String where = "";
        if (diagnostic.getSource() != null) {
            Path file = Path.of(diagnostic.getSource().toUri());
            where = (file.startsWith(sourceDir) ? sourceDir.relativize(file) : file) + ":"
                    + diagnostic.getLineNumber() + ": ";
        }
        return where + diagnostic.getKind().name().toLowerCase(Locale.ROOT) + ": "
                + diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse("");
    }
}
