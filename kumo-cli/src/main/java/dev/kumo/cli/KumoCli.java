package dev.kumo.cli;

import dev.kumo.cli.session.CliEnvironment;
import dev.kumo.cli.session.GlobalOptions;
import dev.kumo.cli.session.Session;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the {@code kumo} command line. The composition root adds its own subcommands ({@code server}) through
 * {@link #commandLine(List)} and runs it with {@code execute(args)}; {@link #run(String...)} is the CLI alone.
 */
public final class KumoCli {

    private KumoCli() {
    }

    /** The command line for this process's environment, with extra subcommands (picocli command objects). */
    public static CommandLine commandLine(List<Object> extraSubcommands) {
        return commandLine(CliEnvironment.system(), extraSubcommands);
    }

    /** The command line for a given environment (tests pass captured streams, a temporary home, a clock). */
    public static CommandLine commandLine(CliEnvironment environment, List<Object> extraSubcommands) {
        Session session = new Session(environment, new GlobalOptions());
        FailureHandler failures = new FailureHandler(session);
        CommandLine commandLine = new CommandLine(RootCommand.class, new CommandFactory(session));
        extraSubcommands.forEach(command -> addWithoutClientOptions(commandLine, command));
        // No picocli argument files: "@FILE" is a value of its own here (--data @FILE reads the file as the body).
        return commandLine.setOut(environment.out()).setErr(environment.err()).setExpandAtFiles(false)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setColorScheme(CommandLine.Help.defaultColorScheme(environment.colour() ? Ansi.ON : Ansi.OFF))
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }

    /**
     * Adds a subcommand that is not a client of the API ({@code server}): the global client options (namespace,
     * output, server, token, data directory) would mean nothing there, so the inherited copies are taken off it
     * again. Its own options of the same name ({@code server --data-dir}) are set aside while it is added, since
     * picocli refuses two options of one name, and put back after.
     */
    private static void addWithoutClientOptions(CommandLine root, Object command) {
        CommandLine added = new CommandLine(command);
        CommandSpec spec = added.getCommandSpec();
        List<OptionSpec> clashing = spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp())
                .filter(o -> Arrays.stream(o.names()).anyMatch(name -> root.getCommandSpec().findOption(name) != null))
                .toList();
        clashing.forEach(spec::remove);
        root.addSubcommand(added);
        spec.options().stream().filter(OptionSpec::inherited)
                .filter(o -> !o.usageHelp() && !o.versionHelp()).toList().forEach(spec::remove);
        clashing.forEach(spec::addOption);
    }

    /** Runs the CLI in this process's environment and returns the exit code (0 ok, 1 failed, 2 usage). */
    public static int run(String... args) {
        return run(CliEnvironment.system(), args);
    }

    /** Runs the CLI in a given environment and returns the exit code. */
    public static int run(CliEnvironment environment, String... args) {
        try {
            return commandLine(environment, List.of()).execute(args);
        } finally {
            environment.out().flush();
            environment.err().flush();
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
