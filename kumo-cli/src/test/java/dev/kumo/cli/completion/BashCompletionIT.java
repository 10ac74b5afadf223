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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash script of {@code kumo completion bash} in a real bash: sourced, then asked as bash asks at a TAB
 * ({@code COMP_WORDS}, {@code COMP_CWORD}), through a {@code kumo} on PATH that runs this CLI in a child JVM.
 */
class BashCompletionIT {

    @TempDir
    Path dir;

    @Test
    void tabCompletesCommandsAndTheServersObjectNames() throws Exception {
        FakeApiServer server = FakeApiServer.start();
        try {
            server.seed(ResourceTypes.SERVICE, service("default", "hello", ready()));
            server.seed(ResourceTypes.SERVICE, service("default", "hola", ready()));
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path kumo = bin.resolve("kumo");
            Files.writeString(kumo, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                    + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                    + "' dev.kumo.cli.KumoCli \"$@\"\n");
            Files.setPosixFilePermissions(kumo, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(dir.resolve("kumo.bash"), CompletionCommand.script(CompletionCommand.Shell.bash));

            assertThat(tab(bin, server, "kumo serv")).isEqualTo("server service");
            assertThat(tab(bin, server, "kumo service describe h")).isEqualTo("hello hola");
            assertThat(tab(bin, server, "kumo service describe hol")).isEqualTo("hola");
        } finally {
            server.close();
        }
    }

    /** The completions bash offers for the line's last word. */
    private String tab(Path bin, FakeApiServer server, String line) throws IOException, InterruptedException {
        String script = "source " + dir.resolve("kumo.bash") + "\n"
                + "COMP_WORDS=(" + line + ")\nCOMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                + "_complete_kumo\necho \"${COMPREPLY[*]}\"\n";
        ProcessBuilder builder = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script)
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("KUMO_SERVER", server.baseUrl().toString());
        builder.environment().put("HOME", dir.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
