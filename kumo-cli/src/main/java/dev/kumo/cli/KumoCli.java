package dev.kumo.cli;

import dev.kumo.cli.session.CliEnvironment;
import dev.kumo.cli.session.GlobalOptions;
import dev.kumo.cli.session.Session;
import dev.kumo.cli.session.StandardHelp;
import dev.kumo.cli.completion.CompleteRun;
import dev.kumo.cli.help.GlobalOptionsHelp;
import dev.kumo.cli.help.HelpCommand;
import dev.kumo.cli.plugin.PluginRun;
import dev.kumo.cli.plugin.Plugins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

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
        CommandLine commandLine = commandLine(new Session(environment, new GlobalOptions()), RootCommand.SUBCOMMANDS);
        extraSubcommands.forEach(command -> addWithoutClientOptions(commandLine, command));
        return commandLine;
    }

    /** The root with the given top-level commands and {@code help} (kn's help command), working in {@code session}. */
    private static CommandLine commandLine(Session session, List<Class<?>> subcommands) {
        return root(session, factory -> {
            List<CommandLine> built = new ArrayList<>();
            for (Class<?> command : subcommands) {
                built.add(Commands.whole(command, factory));
            }
            built.add(new CommandLine(HelpCommand.class, factory));
            return built;
        });
    }

    /** The root working in {@code session}, with the top-level commands {@code subcommands} builds. */
    private static CommandLine root(Session session, Subcommands subcommands) {
        CliEnvironment environment = session.environment();
        FailureHandler failures = new FailureHandler(session);
        CommandFactory factory = new CommandFactory(session);
        CommandLine commandLine = new CommandLine(new RootCommand(session.options()).spec(), factory);
        try {
            List<CommandLine> built = subcommands.build(factory);
            built.forEach(KumoCli::addStandardHelp);
            built.forEach(commandLine::addSubcommand);
        } catch (Exception e) {
            throw new CommandLine.InitializationException("building the kumo command line: " + e.getMessage(), e);
        }
        GlobalOptionsHelp.applyTo(commandLine);
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
        addStandardHelp(added);
        root.addSubcommand(added);
        spec.options().stream().filter(OptionSpec::inherited)
                .filter(o -> !o.usageHelp() && !o.versionHelp()).toList().forEach(spec::remove);
        clashing.forEach(spec::addOption);
    }

    /** Runs the CLI in this process's environment and returns the exit code (0 ok, 1 failed or a usage error, as kn). */
    public static int run(String... args) {
        return run(CliEnvironment.system(), args);
    }

    /**
     * Runs the CLI in a given environment and returns the exit code. Only the commands named on the line are
     * built (picocli reflects over every command it is given, and one invocation runs one: see
     * {@link #commandLineFor}). A first word that names no command runs the plugin it names, if one is found ({@link Plugins}). The API
     * client is closed before returning, so that no selector thread is left for the JVM to wait on.
     */
    public static int run(CliEnvironment environment, String... args) {
        Optional<Plugins.Invocation> plugin = Plugins.of(environment).find(List.of(args), KumoCli::builtIn);
        if (plugin.isPresent()) {
            return PluginRun.run(plugin.get(), environment);
        }
        Session session = new Session(environment, new GlobalOptions());
        try {
            if (args.length > 0 && args[0].equals(CompleteRun.WORD)) {
                return CompleteRun.run(session, commandLine(session, RootCommand.SUBCOMMANDS),
                        List.of(args).subList(1, args.length));
            }
            return commandLineFor(session, args).execute(args);
        } finally {
            session.close();
            environment.out().flush();
            environment.err().flush();
        }
    }

    /**
     * The smallest tree that runs the line as the whole tree would: the chain of commands it names alone
     * ({@link CommandPath}), else its top-level command with all its subcommands, else the whole tree (a line naming
     * no command, asking for help, or that a smaller tree cannot parse: help, suggestions and usage errors read the
     * same).
     */
    private static CommandLine commandLineFor(Session session, String... args) {
        Optional<CommandPath> path = CommandPath.named(RootCommand.SUBCOMMANDS, args);
        if (path.isPresent()) {
            CommandLine chain = root(session, factory -> List.of(path.get().build(factory)));
            if (parses(chain, args, path.get()::ranBy)) {
                return chain;
            }
            CommandLine topLevel = root(session, factory -> List.of(path.get().topLevel().build(factory)));
            if (parses(topLevel, args, parsed -> !CommandPath.helpAsked(parsed))) {
                return topLevel;
            }
        }
        return commandLine(session, RootCommand.SUBCOMMANDS);
    }

    /**
     * Gives picocli's {@code -h} and {@code -V} to each annotated command of a tree, parents first, as the root's
     * {@code mixinStandardHelpOptions} would through inheritance; the coded ones have theirs ({@link StandardHelp}),
     * and picocli's mixin is built by reflection over its annotations, for every command it is given to.
     */
    private static void addStandardHelp(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.optionsMap().get("--help") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        command.getSubcommands().values().stream().distinct().forEach(KumoCli::addStandardHelp);
    }

    private static boolean parses(CommandLine commandLine, String[] args, Predicate<ParseResult> accepted) {
        try {
            return accepted.test(commandLine.parseArgs(args));
        } catch (ParameterException e) {
            // Reported by the whole tree, with its suggestions.
            return false;
        }
    }

    /** Whether a word names a top-level command, {@code help} or {@code server}: no plugin shadows them. */
    private static boolean builtIn(String word) {
        return Set.of("help", "server", CompleteRun.WORD).contains(word)
                || Commands.named(RootCommand.SUBCOMMANDS, word).isPresent();
    }

    /**
     * The CLI alone, as {@code bin/kumo} launches it for every verb but {@code server}. It ends with
     * {@code Runtime.halt}, not {@code System.exit}: since JDK 17 {@code Runtime.exit} asks {@code System.getLogger}
     * whether to log the exit, which starts the JDK's logging back-end (~30 classes, a service look-up through
     * every jar on the class path) at the end of every call. No shutdown hook outlives a command ({@code func run}
     * takes its own off), and {@link #run(CliEnvironment, String...)} has flushed the output. It begins with
     * {@link StartupProperties}.
     */
    public static void main(String[] args) {
        StartupProperties.apply();
        int code = run(args);
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /** Builds the top-level commands of a tree with the root's factory. */
    @FunctionalInterface
    private interface Subcommands {
        List<CommandLine> build(CommandLine.IFactory factory) throws Exception;
    }
}
