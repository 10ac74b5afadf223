package dev.kumo.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins found as kn finds them, and run through the CLI with their words and the caller's exit code. */
class PluginsTest {

    @TempDir
    Path home;

    @TempDir
    Path bin;

    @Test
    void theLongestNameWinsAndTheRestAreArguments() throws IOException {
        Path hello = plugin(bin, "kumo-hello", "");
        Path helloWorld = plugin(bin, "kumo-hello-world", "");
        Plugins plugins = new Plugins(List.of(bin));

        assertThat(plugins.find(List.of("hello", "world", "x", "--y"), word -> false))
                .contains(new Plugins.Invocation(helloWorld, List.of("x", "--y")));
        assertThat(plugins.find(List.of("hello", "there"), word -> false))
                .contains(new Plugins.Invocation(hello, List.of("there")));
        assertThat(plugins.find(List.of("hello", "--world"), word -> false))
                .contains(new Plugins.Invocation(hello, List.of("--world")));
    }

    @Test
    void builtInsOptionsAndPlainFilesAreNoPlugins() throws IOException {
        plugin(bin, "kumo-service", "");
        Files.writeString(bin.resolve("kumo-data"), "not executable");
        Plugins plugins = new Plugins(List.of(bin, bin.resolve("missing")));

        assertThat(plugins.find(List.of("service", "list"), "service"::equals)).isEmpty();
        assertThat(plugins.find(List.of("-n", "x"), word -> false)).isEmpty();
        assertThat(plugins.find(List.of("data"), word -> false)).isEmpty();
        assertThat(plugins.find(List.of(), word -> false)).isEmpty();
    }

    @Test
    void theFirstDirectoryShadowsLaterOnes() throws IOException {
        Path first = Files.createDirectory(home.resolve("first"));
        Path mine = plugin(first, "kumo-hello", "");
        plugin(bin, "kumo-hello", "");
        plugin(bin, "kumo-top-pods", "");

        assertThat(new Plugins(List.of(first, bin)).all()).containsExactly(
                java.util.Map.entry("hello", mine), java.util.Map.entry("top pods", bin.resolve("kumo-top-pods")));
    }

    @Test
    void kumoNameRunsThePluginWithItsArgumentsAndExitCode() throws IOException {
        plugin(bin, "kumo-hello", "echo \"hello $*\"; echo to-err >&2; exit 3\n");

        CliResult result = CliRunner.withHome(home).env("PATH", bin.toString()).run("hello", "a", "--b");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEqualTo("hello a --b\n");
        assertThat(result.err()).isEqualTo("to-err\n");
    }

    @Test
    void pluginsInTheUsersDirectoryComeFirstAndAreListed() throws IOException {
        Path own = Files.createDirectories(home.resolve(".config/kumo/plugins"));
        plugin(own, "kumo-hello", "echo own\n");
        plugin(bin, "kumo-hello", "echo path\n");

        CliRunner runner = CliRunner.withHome(home).env("PATH", bin.toString());
        assertThat(runner.run("hello").out()).isEqualTo("own\n");
        CliResult list = runner.run("plugin", "list", "--verbose");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isEqualTo("kumo hello\t" + own.resolve("kumo-hello") + "\n");
    }

    @Test
    void anUnknownCommandWithoutAPluginIsAUsageError() {
        CliResult result = CliRunner.withHome(home).env("PATH", bin.toString()).run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Unmatched argument");
    }

    private static Path plugin(Path directory, String name, String body) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
