package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.session.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class KumoCliTest {

    @TempDir
    Path home;

    /** Stands in for kumo-server's {@code server} command. */
    @Command(name = "server", description = "Start the platform.")
    static final class FakeServerCommand implements Callable<Integer> {

        @Option(names = "--api-addr")
        String apiAddr;

        @Override
        public Integer call() {
            if ("bad".equals(apiAddr)) {
                throw new IllegalArgumentException("--api-addr: invalid value \"bad\"");
            }
            return 0;
        }
    }

    private CommandLine commandLine(StringWriter out, StringWriter err) {
        return KumoCli.commandLine(new CliEnvironment(Map.of(), home, System.in, new PrintWriter(out, true),
                new PrintWriter(err, true), InstantSource.system(), false), List.of(new FakeServerCommand()));
    }

    @Test
    void extraSubcommandsRunWithTheCliErrorHandlingButWithoutClientOptions() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine kumo = commandLine(out, err);

        assertThat(kumo.execute("server", "--api-addr", "127.0.0.1:0")).isZero();
        assertThat(kumo.execute("server", "--api-addr", "bad")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: --api-addr: invalid value \"bad\"\n");
        assertThat(kumo.execute("server", "-n", "x")).isEqualTo(1); // a usage error, which kn exits 1 for too
        assertThat(err.toString()).contains("Unknown options: '-n', 'x'");

        CommandLine server = kumo.getSubcommands().get("server");
        assertThat(server.getCommandSpec().optionsMap()).containsKeys("--api-addr", "--help")
                .doesNotContainKeys("--namespace", "--server", "--output");
        assertThat(kumo.getSubcommands().get("service").getCommandSpec().optionsMap()).containsKey("--namespace");
    }
}
