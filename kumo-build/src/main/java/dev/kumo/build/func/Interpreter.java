package dev.kumo.build.func;

import dev.kumo.build.java.StepFailed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The host's interpreter for a language, as the image's base copies it: the executable (its real path), its version
 * and, for Python, its standard library directory (Node's is inside the executable).
 *
 * @param language {@code python} or {@code node}
 * @param executable the interpreter's real path on the host, and in the image
 * @param version the interpreter's version, e.g. {@code 3.11.7} or {@code v20.20.2}
 * @param stdlib the standard library's directory, for Python
 */
record Interpreter(String language, Path executable, String version, Optional<Path> stdlib) {

    /** The languages this strategy builds: a Build's {@code runtime} parameter. */
    static final List<String> LANGUAGES = List.of("python", "node");

    private static final String PYTHON_PROBE = "import sys, sysconfig; print(sys.executable); "
            + "print(sys.version.split()[0]); print(sysconfig.get_paths()['stdlib'])";
    private static final String NODE_PROBE = "process.execPath + '\\n' + process.version";

    /** The command that prints what {@link #parse} reads, for {@code language} (its interpreter found on PATH). */
    static List<String> probe(String language) {
        return switch (language) {
            case "python" -> List.of("python3", "-c", PYTHON_PROBE);
            case "node" -> List.of("node", "-p", NODE_PROBE);
            default -> throw unknown(language);
        };
    }

    /** The interpreter described by the probe's output: the executable, the version, then Python's stdlib. */
    static Interpreter parse(String language, String probeOutput) {
        List<String> lines = probeOutput.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        int wanted = language.equals("python") ? 3 : 2;
        if (lines.size() < wanted || !lines.getFirst().startsWith("/")) {
            throw new StepFailed("base", "InterpreterMissing", List.of("could not tell where the host's " + language
                    + " is from " + String.join(" ", probe(language)) + ": " + probeOutput.strip()));
        }
        return new Interpreter(language, Path.of(lines.get(0)), lines.get(1),
                wanted == 3 ? Optional.of(Path.of(lines.get(2))) : Optional.empty());
    }

    /** The host's interpreter for {@code language}, found on PATH as {@code python3} or {@code node}. */
    static Interpreter of(String language) throws InterruptedException {
        List<String> command = probe(language);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new StepFailed("base", "InterpreterMissing", List.of(String.join(" ", command)
                        + " failed: " + output.strip()));
            }
            Interpreter found = parse(language, output);
            return new Interpreter(language, found.executable().toRealPath(), found.version(), found.stdlib());
        } catch (IOException e) {
            throw new StepFailed("base", "InterpreterMissing", List.of("no " + command.getFirst() + " on the "
                    + "server's PATH (" + e.getMessage() + "): install " + language + " on this machine"));
        }
    }

    /** The language named by a Build's {@code runtime} parameter, checked. */
    static String language(String runtime) {
        String language = runtime.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw unknown(runtime);
        }
        return language;
    }

    private static StepFailed unknown(String runtime) {
        return new StepFailed("base", "UnknownRuntime", List.of("the build parameter runtime is '" + runtime
                + "': want one of " + String.join(", ", LANGUAGES)));
    }
}
