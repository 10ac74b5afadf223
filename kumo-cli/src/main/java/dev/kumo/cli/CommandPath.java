package dev.kumo.cli;

import dev.kumo.cli.completion.CompletionCommand;
import java.lang.reflect.AccessibleObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The chain of commands a command line names ({@code service list}: the {@code service} group, then its {@code list}
 * verb), built alone under the root: picocli reflects over every command it is given, and a group such as
 * {@code service} has eleven verbs with many options each, while one invocation runs one. The groups on the way are
 * made without their other verbs; the last command named is built whole.
 */
record CommandPath(List<Class<?>> commands) {

    /**
     * The commands the line names: its first word that names a top-level command, then the first word after it that
     * names one of that command's subcommands, and so on. Empty when no word names one, or the first is
     * {@code completion} (which walks the whole tree).
     */
    static Optional<CommandPath> named(List<Class<?>> topLevel, String... args) {
        List<Class<?>> chain = new ArrayList<>();
        List<Class<?>> level = topLevel;
        for (int i = 0; i < args.length && !level.isEmpty(); i++) {
            Optional<Class<?>> command = Commands.named(level, args[i]);
            if (command.isPresent()) {
                chain.add(command.get());
                level = Commands.names(command.get()).subcommands();
            }
        }
        if (chain.isEmpty() || chain.getFirst() == CompletionCommand.class) {
            return Optional.empty();
        }
        return Optional.of(new CommandPath(List.copyOf(chain)));
    }

    /** The top-level command alone, with all its subcommands. */
    CommandPath topLevel() {
        return new CommandPath(commands.subList(0, 1));
    }

    /**
     * The top-level command of the chain, holding only the chain below it: each group on the way made alone (from its
     * code, else its {@code @Command}'s name, aliases and description), the last command whole. A group that declares
     * annotated options or methods of its own is built whole, and the chain ends there.
     */
    CommandLine build(CommandLine.IFactory factory) throws Exception {
        int whole = 0;
        while (whole < commands.size() - 1 && plainGroup(commands.get(whole))) {
            whole++;
        }
        CommandLine below = Commands.whole(commands.get(whole), factory);
        for (int i = whole - 1; i >= 0; i--) {
            CommandLine group = Commands.alone(commands.get(i), factory);
            group.addSubcommand(below);
            below = group;
        }
        return below;
    }

    /**
     * Whether a parse ran the chain's last command: a line whose words only looked like the chain (a word taken as
     * an option's value, help asked for) is left to the whole tree.
     */
    boolean ranBy(ParseResult parsed) {
        ParseResult last = parsed;
        int depth = 0;
        while (last.hasSubcommand()) {
            last = last.subcommand();
            depth++;
        }
        return depth == commands.size() && last.commandSpec().userObject().getClass() == commands.getLast()
                && !helpAsked(parsed);
    }

    /** Whether any command of the parse asked for usage or version help (printed by the first that asked). */
    static boolean helpAsked(ParseResult parsed) {
        for (ParseResult result = parsed; result != null; result = result.hasSubcommand() ? result.subcommand() : null) {
            if (result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /** A group that can be made alone: one built in code, or one with no annotated fields or methods. */
    private static boolean plainGroup(Class<?> type) {
        return Commands.coded(type)
                || Stream.concat(Arrays.stream(type.getDeclaredFields()), Arrays.stream(type.getDeclaredMethods()))
                        .map(AccessibleObject::getDeclaredAnnotations).allMatch(annotations -> annotations.length == 0);
    }
}
