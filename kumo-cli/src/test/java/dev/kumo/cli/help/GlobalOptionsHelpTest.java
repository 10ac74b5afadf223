package dev.kumo.cli.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Global options are listed once, by {@code kumo options}, and kept out of every subcommand's help. */
class GlobalOptionsHelpTest {

    @TempDir
    Path home;

    @Test
    void aSubcommandsHelpListsItsOwnOptionsAndPointsAtKumoOptions() {
        CliResult help = CliRunner.withHome(home).run("service", "create", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: kumo service create [OPTIONS] NAME")
                .contains("--image", "-n, --namespace", "-h, --help")
                .doesNotContain("--server", "--token", "--data-dir", "--certificate-authority", "--version")
                .endsWith(GlobalOptionsHelp.POINTER + "\n");
    }

    @Test
    void kumoOptionsListsTheGlobalOnes() {
        CliResult options = CliRunner.withHome(home).run("options");

        assertThat(options.exitCode()).isZero();
        assertThat(options.out()).contains("--server=URL", "--token=TOKEN", "--data-dir=DIR",
                "--certificate-authority=FILE", "--version").doesNotContain("--namespace", "--image");
    }

    @Test
    void theRootsHelpStillShowsEverything() {
        assertThat(CliRunner.withHome(home).run("--help").out()).contains("--server=URL", "-n, --namespace",
                "options", "plugin");
    }

    @Test
    void globalOptionsStillWorkOnSubcommands() {
        CliResult result = CliRunner.withHome(home).run("service", "list", "--server", "http://127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("127.0.0.1:1");
    }
}
