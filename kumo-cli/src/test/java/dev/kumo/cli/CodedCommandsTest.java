package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.service.ServiceCommand;
import dev.kumo.cli.service.ServiceListCommand;
import dev.kumo.cli.session.CliEnvironment;
import dev.kumo.cli.session.GlobalOptions;
import dev.kumo.cli.version.VersionCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The commands built in code: no annotation left for picocli to read, their names, and -h/-V on every command. */
class CodedCommandsTest {

    private static final List<Class<?>> CODED = List.of(RootCommand.class, GlobalOptions.class, VersionCommand.class,
            ServiceCommand.class, ServiceListCommand.class);

    @Test
    void theCodedCommandsCarryNoPicocliAnnotationForPicocliToReflectOver() {
        for (Class<?> type : CODED) {
            assertThat(Arrays.stream(type.getDeclaredAnnotations()).map(a -> a.annotationType().getName()))
                    .as("annotations of %s", type).noneMatch(name -> name.startsWith("picocli."));
            assertThat(Stream.concat(Arrays.stream(type.getDeclaredFields()), Arrays.stream(type.getDeclaredMethods()))
                    .flatMap(member -> Arrays.stream(member.getDeclaredAnnotations()))
                    .map(a -> a.annotationType().getName())).as("member annotations of %s", type)
                    .noneMatch(name -> name.startsWith("picocli."));
        }
    }

    /** kn's names and aliases, written out here, are what the coded models and the cut chain answer to. */
    @Test
    void theCodedCommandsAnswerToKnsNames() {
        assertThat(new VersionCommand(null).spec().name()).isEqualTo("version");
        assertThat(new VersionCommand(null).spec().aliases()).isEmpty();
        assertThat(new ServiceCommand().spec().name()).isEqualTo("service");
        assertThat(new ServiceCommand().spec().aliases()).containsExactlyInAnyOrder("services", "ksvc");
        assertThat(new ServiceListCommand(null).spec().name()).isEqualTo("list");
        assertThat(new ServiceListCommand(null).spec().aliases()).containsExactly("ls");
        assertThat(Commands.names(ServiceListCommand.class).name()).isEqualTo("list");
    }

    @Test
    void everyCommandCodedOrAnnotatedTakesHelpAndVersionOnce() {
        StringWriter out = new StringWriter();
        CommandLine tree = KumoCli.commandLine(new CliEnvironment(Map.of(), Path.of("/nonexistent"), System.in,
                new PrintWriter(out), new PrintWriter(out), InstantSource.system(), false), List.of());
        assertThat(tree.getSubcommands().get("service").getSubcommands()).containsKeys("list", "create", "delete");
        assertEveryCommandTakesHelpAndVersion(tree);
    }

    private static void assertEveryCommandTakesHelpAndVersion(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        assertThat(spec.options()).as(spec.qualifiedName()).filteredOn(o -> o.usageHelp()).singleElement()
                .satisfies(o -> assertThat(o.names()).containsExactly("-h", "--help"));
        assertThat(spec.options()).as(spec.qualifiedName()).filteredOn(o -> o.versionHelp()).singleElement()
                .satisfies(o -> assertThat(o.names()).containsExactly("-V", "--version"));
        command.getSubcommands().values().stream().distinct()
                .forEach(CodedCommandsTest::assertEveryCommandTakesHelpAndVersion);
    }
}
