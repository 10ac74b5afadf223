package dev.kumo.build.java;

import dev.kumo.build.spi.BuildOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A Maven or Gradle project built by its own tool (the project's wrapper, else the tool on PATH) with the JDK Kumo
 * runs on, offline first; its jar and runtime dependencies are kept in the Build's cache and reused while no file of
 * the project changed.
 */
final class ProjectBuild {

    /** One build tool: its wrapper, its command on PATH, its arguments, where its jar lands. */
    record Tool(String name, String wrapper, String command, List<String> packageArgs, List<String> dependencyArgs,
            String jarDir, String offlineFlag) {

        static final Tool MAVEN = new Tool("maven", "mvnw", "mvn", List.of("-B", "-q", "package", "-DskipTests"),
                // Pinned: Maven 3.8's default dependency plugin (2.8) is too old to resolve where newer ones are.
                List.of("-B", "-q", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
                        "-DincludeScope=runtime"), "target", "-o");
        // Gradle's runtime dependencies are not collected: a Gradle project's image holds its jar alone.
        // No daemon: it would leave the process tree, so a cancel or a server stop could not kill it.
        static final Tool GRADLE = new Tool("gradle", "gradlew", "gradle", List.of("--no-daemon", "-q", "jar", "-x",
                "test"),
                List.of(), "build/libs", "--offline");
    }

    private ProjectBuild() {
    }

    /** Builds the project (or takes its jar from the cache); throws {@link StepFailed}. */
    static AppLayout build(Tool tool, Path projectDir, Map<String, String> params, Path cacheDir, BuildOutput output)
            throws InterruptedException {
        Path staged = cacheDir.resolve("java/" + tool.name());
        Path stamp = cacheDir.resolve("java/" + tool.name() + ".sha256");
        String key = SourceTree.hash(projectDir, SourceTree.files(projectDir, ""), Runtime.version().toString());
        if (Directories.stamp(stamp).filter(key::equals).isPresent() && Files.isDirectory(staged)) {
            output.line("project unchanged: reusing its jar");
        } else {
            Directories.replace(staged, stamp, key, scratch -> runTool(tool, projectDir, scratch, output));
        }
        Path jar = staged.resolve("app.jar");
        List<AppLayout.Layer> layers = new ArrayList<>();
        if (Files.isDirectory(staged.resolve("libs"))) {
            layers.add(new AppLayout.Layer("dependencies", staged.resolve("libs"), "/app/libs"));
        }
        layers.add(new AppLayout.Layer("application", jar, "/app/app.jar"));
        String mainClass = params.containsKey("main-class") ? params.get("main-class").trim()
                : manifestMainClass(jar).orElseGet(() -> SourceTree.mainClass(null,
                        SourceTree.files(projectDir.resolve("src/main/java"), ".java")));
        return new AppLayout(layers, "/app/app.jar:/app/libs/*", mainClass);
    }

    private static void runTool(Tool tool, Path projectDir, Path into, BuildOutput output)
            throws InterruptedException {
        String executable = executable(tool, projectDir);
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
        ChildProcess.Result packaged = offlineFirst(tool, executable, tool.packageArgs(), projectDir, env, output);
        if (!packaged.succeeded()) {
            throw new StepFailed("compile", "CompileFailed", packaged.tail());
        }
        Path jar = projectJar(projectDir.resolve(tool.jarDir()));
        copy(jar, into.resolve("app.jar"));
        if (!tool.dependencyArgs().isEmpty() && declaresDependencies(projectDir)) {
            List<String> args = new ArrayList<>(tool.dependencyArgs());
            args.add("-DoutputDirectory=" + into.resolve("libs"));
            ChildProcess.Result copied = offlineFirst(tool, executable, args, projectDir, env, output);
            if (!copied.succeeded()) {
                throw new StepFailed("compile", "DependenciesFailed", copied.tail());
            }
        }
    }

    // Offline first (no network is the common case here); online only when the offline run asked for it.
    private static ChildProcess.Result offlineFirst(Tool tool, String executable, List<String> args, Path dir,
            Map<String, String> env, BuildOutput output) throws InterruptedException {
        List<String> offline = new ArrayList<>(List.of(executable, tool.offlineFlag()));
        offline.addAll(args);
        ChildProcess.Result result = ChildProcess.run(offline, dir, env, output);
        if (result.cancelled()) {
            throw new InterruptedException("cancelled");
        }
        if (result.succeeded() || result.tail().stream().noneMatch(line -> line.contains("offline"))) {
            return result;
        }
        output.line("offline build lacks artifacts: trying online");
        List<String> online = new ArrayList<>(List.of(executable));
        online.addAll(args);
        return ChildProcess.run(online, dir, env, output);
    }

    private static String executable(Tool tool, Path projectDir) {
        Path wrapper = projectDir.resolve(tool.wrapper());
        if (Files.isExecutable(wrapper)) {
            return wrapper.toString();
        }
        return onPath(tool.command()).map(Path::toString).orElseThrow(() -> new StepFailed("compile",
                tool.name().substring(0, 1).toUpperCase() + tool.name().substring(1) + "Missing", List.of(
                        "this is a " + tool.name() + " project but neither ./" + tool.wrapper() + " nor "
                                + tool.command() + " on PATH was found: add the wrapper to the project or install "
                                + tool.name())));
    }

    static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, command)).filter(Files::isExecutable)
                .findFirst();
    }

    private static Path projectJar(Path jarDir) {
        try (Stream<Path> files = Files.list(jarDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> !file.getFileName().toString().matches(".*-(sources|javadoc|tests|plain)\\.jar"))
                    .filter(file -> !file.getFileName().toString().startsWith("original-")).sorted().findFirst()
                    .orElseThrow(() -> new StepFailed("compile", "JarNotFound", List.of("the build made no jar in "
                            + jarDir)));
        } catch (IOException e) {
            throw new StepFailed("compile", "JarNotFound", List.of("the build made no " + jarDir + ": " + e));
        }
    }

    private static boolean declaresDependencies(Path projectDir) {
        try {
            return Files.readString(projectDir.resolve("pom.xml")).contains("<dependency>");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + projectDir.resolve("pom.xml"), e);
        }
    }

    private static Optional<String> manifestMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.ofNullable(file.getManifest())
                    .map(manifest -> manifest.getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + jar, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + from, e);
        }
    }
}
