package dev.kumo.cli.completion;

import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.FakeApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of {@code kumo completion bash|zsh|fish} in the real shells, through a {@code kumo} on PATH that runs
 * this CLI in a child JVM against a server holding two Services: bash as it calls a completion function
 * ({@code COMP_WORDS}, {@code COMP_CWORD}); fish's own engine ({@code complete -C LINE}); zsh's function with
 * {@code compadd} standing in for the completion widget (zsh itself filters what {@code compadd} is given).
 */
class ShellCompletionIT {

    @TempDir
    Path dir;

    private final FakeApiServer server = FakeApiServer.start();
    private Path bin;

    @BeforeEach
    void kumoOnPath() throws IOException {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready()));
        server.seed(ResourceTypes.SERVICE, service("default", "hola", ready()));
        bin = Files.createDirectories(dir.resolve("bin"));
        Path kumo = bin.resolve("kumo");
        Files.writeString(kumo, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' dev.kumo.cli.KumoCli \"$@\"\n");
        Files.setPosixFilePermissions(kumo, PosixFilePermissions.fromString("rwx------"));
        for (CompletionCommand.Shell shell : CompletionCommand.Shell.values()) {
            Files.writeString(dir.resolve("kumo." + shell), CompletionCommand.script(shell));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bashCompletesCommandsAndTheServersObjectNames() throws Exception {
        assertThat(bash("kumo serv")).isEqualTo("server service");
        assertThat(bash("kumo service describe h")).isEqualTo("hello hola");
        assertThat(bash("kumo service describe hol")).isEqualTo("hola");
    }

    @Test
    void fishCompletesThroughItsOwnEngine() throws Exception {
        assertThat(run("fish", "-c", "source " + dir.resolve("kumo.fish") + "; complete -C 'kumo service describe h'"))
                .isEqualTo("hello\nhola");
        assertThat(run("fish", "-c", "source " + dir.resolve("kumo.fish") + "; complete -C 'kumo serv'"))
                .isEqualTo("server\nservice");
    }

    @Test
    void zshHandsTheCandidatesToCompadd() throws Exception {
        String stubs = "compdef(){ :; }; compadd(){ while [[ $1 != -- ]]; do shift; done; shift; print -l -- $@; }; ";
        assertThat(run("zsh", "-f", "-c", stubs + "source " + dir.resolve("kumo.zsh")
                + "; words=(kumo service describe h); CURRENT=4; _kumo")).isEqualTo("hello\nhola");
    }

    private String bash(String line) throws IOException, InterruptedException {
        return run("bash", "--norc", "--noprofile", "-c", "source " + dir.resolve("kumo.bash") + "\n"
                + "COMP_WORDS=(" + line + ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                + "_complete_kumo\necho \"${COMPREPLY[*]}\"\n");
    }

    /** A shell's output (stdout and stderr) with KUMO_SERVER pointing at the fake server. */
    private String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("KUMO_SERVER", server.baseUrl().toString());
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
