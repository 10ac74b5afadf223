package dev.kumo.cli.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.base.ClientVersion;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.FakeApiServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionAndCompletionTest {

    @TempDir
    Path home;

    @Test
    void printsTheClientAndServerVersions() {
        try (FakeApiServer server = FakeApiServer.start()) {
            CliResult result = CliRunner.against(server.baseUrl(), home).run("version");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("Client Version: " + ClientVersion.VERSION + "\n"
                    + "Server Version: v1.32.0-kumo.fake\n");
            assertThat(ClientVersion.VERSION).isNotEqualTo("unknown").doesNotContain("${");
        }
    }

    @Test
    void anUnreachableServerIsAWarningForVersionAndAnErrorElsewhere() throws IOException {
        URI closed = closedPort();

        CliResult version = CliRunner.against(closed, home).run("version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).isEqualTo("Client Version: " + ClientVersion.VERSION + "\n");
        assertThat(version.err()).startsWith("Warning: cannot reach the Kumo API server at " + closed);

        CliResult list = CliRunner.against(closed, home).run("service", "list");
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).isEqualTo("Error: cannot reach the Kumo API server at " + closed
                + ": connection refused\nIs the server running? Start it with 'kumo server'.\n");
    }

    @Test
    void printsCompletionScripts() {
        CliResult bash = CliRunner.withHome(home).run("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_kumo -o default kumo", "__complete");

        CliResult zsh = CliRunner.withHome(home).run("completion", "zsh");
        assertThat(zsh.out()).startsWith("#compdef kumo").contains("compdef _kumo kumo", "__complete");

        CliResult fish = CliRunner.withHome(home).run("completion", "fish");
        assertThat(fish.out()).contains("complete -c kumo -f -a '(__kumo_complete)'", "__complete");

        CliResult powershell = CliRunner.withHome(home).run("completion", "powershell");
        assertThat(powershell.out()).contains("Register-ArgumentCompleter -Native -CommandName kumo", "__complete");
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
