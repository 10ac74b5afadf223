package dev.kumo.server;

import dev.kumo.cli.CliEnvironment;
import dev.kumo.cli.KumoCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/** The kumo CLI run in this JVM with a temporary home and no environment variables, so the real home is never used. */
final class InProcessCli {

    /** What one run printed and how it ended. */
    record Result(int exitCode, String out, String err) {
    }

    private final Path home;

    InProcessCli(Path home) {
        this.home = home;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.of(), home, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err), InstantSource.system(), false);
        int code = KumoCli.run(environment, args);
        return new Result(code, out.toString(), err.toString());
    }
}
