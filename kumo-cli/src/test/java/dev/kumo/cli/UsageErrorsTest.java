package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsageErrorsTest {

    @TempDir
    Path home;

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"service", "describe"}, "Missing required parameter: 'NAME'",
                        "kumo service describe"),
                Arguments.of(new String[] {"service", "lst"}, "Unmatched argument", "kumo service"),
                Arguments.of(new String[] {"frobnicate"}, "Unmatched argument", "kumo"),
                Arguments.of(new String[] {"service", "list", "--bogus"}, "Unknown option: '--bogus'",
                        "kumo service list"),
                Arguments.of(new String[] {"service", "list", "-o", "xml"}, "Invalid value for option '--output'",
                        "kumo service list"),
                Arguments.of(new String[] {"apply"}, "Missing required option: '--filename", "kumo apply"),
                Arguments.of(new String[] {"delete", "ksvc"}, "want KIND and at least one NAME", "kumo delete"),
                Arguments.of(new String[] {"delete", "ksvc", "a", "-f", "x.yaml"}, "either KIND NAME... or -f",
                        "kumo delete"),
                Arguments.of(new String[] {"completion", "tcsh"}, "Invalid value for positional parameter",
                        "kumo completion"));
    }

    @ParameterizedTest(name = "kumo {0}")
    @MethodSource("usageErrors")
    void exitWithOneAndAUsageHint(String[] args, String message, String command) {
        CliResult result = CliRunner.withHome(home).run(args);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Error: ").contains(message)
                .endsWith("Run '" + command + " --help' for usage.\n").doesNotContain("\tat ");
    }

    @Test
    void suggestsTheNearestCommand() {
        assertThat(CliRunner.withHome(home).run("service", "lst").err()).contains("Did you mean: service ls");
    }

    @Test
    void aGroupAloneAndHelpPrintUsageAndSucceed() {
        CliResult group = CliRunner.withHome(home).run("service");
        assertThat(group.exitCode()).isZero();
        assertThat(group.out()).contains("Usage: kumo service", "list", "describe", "delete");

        CliResult help = CliRunner.withHome(home).run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("apply", "service", "kubeconfig", "completion");
    }

    @Test
    void userErrorsExitWithOneAndNoStackTrace() {
        CliResult result = CliRunner.withHome(home).run("get", "statefulsets");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("""
                Error: the server doesn't have a resource type "statefulsets"
                Known kinds: services (kservice, ksvc), configurations (config, cfg), revisions (rev), routes (rt), \
                domainmappings (dm), brokers, triggers, eventtypes, pingsources, apiserversources, sinkbindings, \
                containersources, channels (ch), \
                inmemorychannels (imc), subscriptions (sub), sequences, parallels, roles, clusterroles, rolebindings, \
                clusterrolebindings, builds, buildruns (br, brs), deployments (deploy), replicasets (rs), \
                namespaces (ns), configmaps (cm), secrets, pods (po), events (ev), serviceaccounts (sa), services (svc).
                """);
    }
}
