package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.eventing.PingCommand;
import dev.kumo.cli.eventing.SourceCommand;
import dev.kumo.cli.service.ServiceCommand;
import dev.kumo.cli.service.ServiceListCommand;
import dev.kumo.cli.session.CliEnvironment;
import dev.kumo.cli.session.GlobalOptions;
import dev.kumo.cli.session.Session;
import dev.kumo.cli.version.VersionCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class CommandPathTest {

    private static final CommandLine.IFactory FACTORY = new CommandFactory(new Session(new CliEnvironment(Map.of(),
            Path.of("/nonexistent"), System.in, new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), InstantSource.system(), false), new GlobalOptions()));

    @Test
    void theChainIsTheFirstWordNamingACommandAtEachLevel() {
        assertThat(CommandPath.named(RootCommand.SUBCOMMANDS, "-n", "x", "ksvc", "-A", "ls").orElseThrow().commands())
                .containsExactly(ServiceCommand.class, ServiceListCommand.class);
        assertThat(CommandPath.named(RootCommand.SUBCOMMANDS, "version", "service").orElseThrow().commands())
                .containsExactly(VersionCommand.class);
        assertThat(CommandPath.named(RootCommand.SUBCOMMANDS, "source", "ping", "list").orElseThrow().commands())
                .startsWith(SourceCommand.class, PingCommand.class).hasSize(3);
        assertThat(CommandPath.named(RootCommand.SUBCOMMANDS, "completion", "bash")).isEmpty();
        assertThat(CommandPath.named(RootCommand.SUBCOMMANDS, "nothing", "here")).isEmpty();
    }

    @Test
    void aGroupOnTheWayHoldsOnlyTheNamedVerbAndTheLastCommandIsWhole() throws Exception {
        CommandLine service = CommandPath.named(RootCommand.SUBCOMMANDS, "service", "list").orElseThrow()
                .build(FACTORY);

        assertThat(service.getCommandName()).isEqualTo("service");
        assertThat(service.getCommandSpec().aliases()).containsExactly("services", "ksvc");
        assertThat(service.getSubcommands()).containsOnlyKeys("list", "ls");

        CommandLine topLevel = CommandPath.named(RootCommand.SUBCOMMANDS, "service", "list").orElseThrow().topLevel()
                .build(FACTORY);
        assertThat(topLevel.getSubcommands()).containsKeys("list", "create", "delete");
    }

    @Test
    void aParseThatStopsShortOfTheChainOrAsksForHelpIsNotTheChains() throws Exception {
        CommandPath path = CommandPath.named(RootCommand.SUBCOMMANDS, "service", "list").orElseThrow();
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(path.build(FACTORY));

        assertThat(path.ranBy(root.parseArgs("service", "list"))).isTrue();
        assertThat(path.ranBy(root.parseArgs("service", "list", "-h"))).isFalse();
        assertThat(path.ranBy(root.parseArgs("service"))).isFalse();
    }

    @CommandLine.Command(name = "kumo", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT)
    static final class Root {
    }
}
