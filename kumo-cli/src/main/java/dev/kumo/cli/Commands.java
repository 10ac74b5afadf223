package dev.kumo.cli;

import dev.kumo.cli.service.ServiceCommand;
import dev.kumo.cli.service.ServiceListCommand;
import dev.kumo.cli.session.CodedCommand;
import dev.kumo.cli.session.CodedCommand.Names;
import dev.kumo.cli.session.Session;
import dev.kumo.cli.version.VersionCommand;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Names and builds commands of either kind: those built in code ({@link CodedCommand}, listed here) without
 * reading an annotation, the others from their {@code @Command}. A coded command's subcommands may be of either
 * kind; an annotated one's are annotated too (picocli builds them).
 */
final class Commands {

    /** A coded command's names, and how it is made (a constructor call: reflection's would spin method handles). */
    private record Coded(Names names, Function<Session, CodedCommand> make) {
    }

    private static final Map<Class<?>, Coded> CODED = Map.of(
            VersionCommand.class, new Coded(VersionCommand.NAMES, VersionCommand::new),
            ServiceCommand.class, new Coded(ServiceCommand.NAMES, session -> new ServiceCommand()),
            ServiceListCommand.class, new Coded(ServiceListCommand.NAMES, ServiceListCommand::new));

    private Commands() {
    }

    /** The command of {@code commands} that {@code word} names, the coded ones asked first (no annotation read). */
    static Optional<Class<?>> named(List<Class<?>> commands, String word) {
        return Stream.concat(commands.stream().filter(CODED::containsKey),
                commands.stream().filter(command -> !CODED.containsKey(command))).filter(command -> {
                    Names names = names(command);
                    return names.name().equals(word) || names.aliases().contains(word);
                }).findFirst();
    }

    /** Whether the command is built in code. */
    static boolean coded(Class<?> command) {
        return CODED.containsKey(command);
    }

    /** The coded command of this type, made for {@code session}; empty for an annotated one. */
    static Optional<Object> make(Class<?> command, Session session) {
        return Optional.ofNullable(CODED.get(command)).map(coded -> coded.make().apply(session));
    }

    /** A command's name, aliases and subcommands. */
    static Names names(Class<?> command) {
        Coded coded = CODED.get(command);
        if (coded != null) {
            return coded.names();
        }
        Command annotation = command.getAnnotation(Command.class);
        return new Names(annotation.name(), Arrays.asList(annotation.aliases()),
                Arrays.asList(annotation.subcommands()));
    }

    /** The command alone, without subcommands: a coded one from its spec, else (a plain group) its annotation. */
    static CommandLine alone(Class<?> type, CommandLine.IFactory factory) throws Exception {
        Object command = factory.create(type);
        if (command instanceof CodedCommand coded) {
            return new CommandLine(coded.spec(), factory);
        }
        Command annotation = type.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command, factory).name(annotation.name())
                .aliases(annotation.aliases());
        spec.usageMessage().description(annotation.description());
        return new CommandLine(spec, factory);
    }

    /** The command with all its subcommands (a coded command's are listed in its {@link Names}). */
    static CommandLine whole(Class<?> type, CommandLine.IFactory factory) throws Exception {
        if (!CODED.containsKey(type)) {
            return new CommandLine(type, factory);
        }
        CommandLine command = alone(type, factory);
        for (Class<?> subcommand : CODED.get(type).names().subcommands()) {
            command.addSubcommand(whole(subcommand, factory));
        }
        return command;
    }
}
