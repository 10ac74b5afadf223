package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.session.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way of asking for help prints what the whole tree prints, though most lines run a smaller tree. */
class HelpFormsTest {

    @TempDir
    Path home;

    @ParameterizedTest(name = "kumo {0}")
    @ValueSource(strings = {"-h service", "--help service", "--help service list", "-h trigger", "service --help",
            "service -h", "service list -h", "service list --help", "-n x service list -h", "-h", "trigger -h"})
    void printsWhatTheWholeTreePrints(String line) {
        assertThat(ran(line)).isEqualTo(ranByTheWholeTree(line)).startsWith("Usage: kumo");
    }

    /** {@code kumo help [COMMAND...]}, as kn's: the usage the command's {@code --help} prints. */
    @ParameterizedTest(name = "kumo {0}")
    @ValueSource(strings = {"help service|service --help", "help service list|service list --help", "help|--help",
            "help trigger create|trigger create -h", "-n x help service|service -h"})
    void theHelpCommandPrintsTheUsageOfTheCommandItNames(String lines) {
        String[] pair = lines.split("\\|");
        assertThat(ran(pair[0])).isEqualTo(ranByTheWholeTree(pair[0])).isEqualTo(ran(pair[1]))
                .endsWith("-- err --\n\n-- exit 0");
    }

    @Test
    void theHelpCommandNamesAnUnknownCommandAndWhereToLook() {
        assertThat(ran("help service lsit")).contains("Unknown command 'lsit' for 'kumo service'",
                "'kumo help service' lists its commands").endsWith("-- exit 1");
    }

    @Test
    void helpAboutTheServerAfterAnOptionSaysWhereTheServersUsageIs() {
        assertThat(ran("-n x help server")).contains("'kumo server --help'").endsWith("-- exit 1");
    }

    @Test
    void theRootsUsageListsTheHelpCommand() {
        assertThat(ran("--help")).containsPattern("\\n +help +Help about any command");
    }

    @ParameterizedTest(name = "kumo {0}")
    @ValueSource(strings = {"-h service", "--help service list", "-h trigger"})
    void helpBeforeTheCommandIsTheRootsUsageListingEveryCommand(String line) {
        assertThat(ran(line)).startsWith("Usage: kumo [").contains("service", "broker", "trigger", "apply", "completion");
    }

    private String ran(String line) {
        return output(environment -> KumoCli.run(environment, line.split(" ")));
    }

    private String ranByTheWholeTree(String line) {
        return output(environment -> KumoCli.commandLine(environment, List.of()).execute(line.split(" ")));
    }

    /** The exit code, then stdout and stderr, of one run in a fresh environment. */
    private String output(Function<CliEnvironment, Integer> run) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.of(), home, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err), InstantSource.system(), false);
        int code = run.apply(environment);
        environment.out().flush();
        environment.err().flush();
        return out + "\n-- err --\n" + err + "\n-- exit " + code;
    }
}
