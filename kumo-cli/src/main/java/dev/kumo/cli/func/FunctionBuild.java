package dev.kumo.cli.func;

import dev.kumo.cli.base.CliException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a function for a host process: its files and Kumo's invoker in one directory, compiled with javac for Java
 * (in this JVM when it has the compiler). Nothing is downloaded: the invokers use only the language's own library.
 */
final class FunctionBuild {

    /** A built function: the directory to run in and the command line (executable first) to run there. */
    record Built(Path dir, List<String> command) {
        Built {
            command = List.copyOf(command);
        }
    }

    private FunctionBuild() {
    }

    /** Builds the function of {@code project} into {@code into}, which must not exist yet. */
    static Built build(Path project, FuncYaml yaml, Path into) {
        Language language = yaml.language();
        try {
            Files.createDirectories(into);
            if (language == Language.JAVA) {
                compile(project, into);
            } else {
                for (Path source : FunctionFiles.sources(project)) {
                    FunctionFiles.copy(project, into, source);
                }
                Files.write(into.resolve(language.invoker()),
                        FunctionFiles.resource(FunctionFiles.invokerResource(language)));
            }
        } catch (IOException e) {
            throw new CliException("building function " + yaml.name() + " into " + into + ": " + e.getMessage());
        }
        return new Built(into, command(language, yaml.kind(), yaml.name()));
    }

    /** The command line that runs a built function of {@code language} in its directory. */
    static List<String> command(Language language, Template template, String name) {
        return switch (language) {
            case PYTHON -> List.of("python3", "-u", language.invoker(), template.value(), name);
            case NODE -> List.of("node", language.invoker(), template.value(), name);
            case JAVA -> List.of(javaHome().resolve("bin").resolve("java").toString(), "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-cp", "classes", "kumo.func.Invoker", "Handler", template.value(), name);
        };
    }

    /**
     * The JDK whose {@code javac} compiles Java functions and whose {@code java} runs them: the one this CLI runs on
     * when it is a JDK, else {@code JAVA_HOME}'s (the release's CLI runs on a runtime with neither javac nor the
     * HTTP server module).
     */
    static Path javaHome() {
        Path own = Path.of(System.getProperty("java.home"));
        if (Files.isExecutable(own.resolve("bin").resolve("javac"))) {
            return own;
        }
        return Optional.ofNullable(System.getenv("JAVA_HOME")).filter(home -> !home.isBlank()).map(Path::of)
                .filter(home -> Files.isExecutable(home.resolve("bin").resolve("javac")))
                .orElseThrow(() -> new CliException("no JDK to compile the Java function with: " + own
                        + " has no javac and JAVA_HOME names none", "Install a JDK 21 or later and set JAVA_HOME."));
    }

    /** Compiles {@code src/**}{@code /*.java} but the tests, with Kumo's invoker, into {@code into/classes}. */
    private static void compile(Path project, Path into) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", into.resolve("classes").toString(), "-proc:none",
                "-implicit:none", "-Xlint:none", "-nowarn"));
        for (Path source : FunctionFiles.sources(project)) {
            String file = source.getFileName().toString();
            if (source.getName(0).toString().equals("src") && file.endsWith(".java") && !file.endsWith("Test.java")) {
                arguments.add(project.resolve(source).toString());
            }
        }
        Path invoker = into.resolve("invoker").resolve(Language.JAVA.invoker());
        Files.createDirectories(invoker.getParent());
        Files.write(invoker, FunctionFiles.resource(FunctionFiles.invokerResource(Language.JAVA)));
        arguments.add(invoker.toString());
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac(arguments, errors);
        if (code != 0) {
            throw new CliException("javac failed (exit code " + code + "):\n"
                    + errors.toString(StandardCharsets.UTF_8).stripTrailing(), "Fix the source and build again.");
        }
    }

    private static int javac(List<String> arguments, ByteArrayOutputStream errors) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler != null && javaHome().equals(Path.of(System.getProperty("java.home")))) {
            return compiler.run(null, errors, errors, arguments.toArray(String[]::new));
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome().resolve("bin").resolve("javac").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        errors.write(process.getInputStream().readAllBytes());
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while javac ran");
        }
    }
}
