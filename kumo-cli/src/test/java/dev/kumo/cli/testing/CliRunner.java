package dev.kumo.cli.testing;

import dev.kumo.cli.KumoCli;
import dev.kumo.cli.session.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process against a temporary home, with captured streams, a fixed clock (five minutes after the
 * fake server's creation time) and only the environment variables a test sets.
 */
public final class CliRunner {

    private final Path home;
    private final Map<String, String> variables = new HashMap<>();
    private Instant now = FakeApiServer.CREATED.plus(Duration.ofMinutes(5));
    private String stdin = "";

    private CliRunner(Path home) {
        this.home = home;
    }

    /** A runner whose home directory is {@code home} (a test's temporary directory). */
    public static CliRunner withHome(Path home) {
        return new CliRunner(home);
    }

    /** A runner that talks to the given server through {@code KUMO_SERVER}. */
    public static CliRunner against(URI server, Path home) {
        return withHome(home).env("KUMO_SERVER", server.toString());
    }

    public CliRunner env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    public CliRunner stdin(String text) {
        this.stdin = text;
        return this;
    }

    public CliRunner at(Instant instant) {
        this.now = instant;
        return this;
    }

    public CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(variables, home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err), InstantSource.fixed(now), false);
        int code = KumoCli.run(environment, args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
