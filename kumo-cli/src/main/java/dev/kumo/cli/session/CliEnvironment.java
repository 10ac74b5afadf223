package dev.kumo.cli.session;

import java.io.Console;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the CLI reads from or writes to outside itself, so that tests can run it against a temporary home,
 * a fixed clock and captured streams.
 *
 * @param variables the environment variables
 * @param home the user's home directory
 * @param stdin where {@code -f -} reads from
 * @param out data (tables, objects, YAML)
 * @param err errors, warnings and progress
 * @param clock the time ages are computed against
 * @param terminal whether the output goes to a terminal (colour is used only then, and never with NO_COLOR)
 */
public record CliEnvironment(Map<String, String> variables, Path home, InputStream stdin, PrintWriter out,
        PrintWriter err, InstantSource clock, boolean terminal) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /**
     * The environment of this process. The home directory is {@code $HOME} when set, as kubectl and kn take it (the
     * JVM's {@code user.home} comes from the password database and differs when {@code HOME} is set otherwise).
     */
    public static CliEnvironment system() {
        Path home = Path.of(Optional.ofNullable(System.getenv("HOME")).filter(h -> !h.isBlank())
                .orElseGet(() -> System.getProperty("user.home")));
        return new CliEnvironment(System.getenv(), home, System.in,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                InstantSource.system(), isTerminal());
    }

    /** A variable's value, when set and not blank. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    /** Whether to colour output: only on a terminal, and not when {@code NO_COLOR} is set. */
    public boolean colour() {
        return terminal && !variables.containsKey("NO_COLOR") && !"dumb".equals(variables.get("TERM"));
    }

    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // Since JDK 22 System.console() exists even when redirected; isTerminal() says whether it is a terminal.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
