package dev.kumo.cli;

import dev.kumo.cli.func.FunctionSource;
import dev.kumo.cli.service.ServiceWriteCommand;
import dev.kumo.cli.session.GlobalOptions;
import dev.kumo.cli.session.Session;
import java.lang.reflect.Constructor;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Creates commands for picocli, handing each the session through a {@code (Session)} constructor; the global
 * options mixin is the session's own instance, so every command sees the values parsed anywhere on the line.
 */
final class CommandFactory implements CommandLine.IFactory {

    private final Session session;

    CommandFactory(Session session) {
        this.session = session;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == GlobalOptions.class) {
            return type.cast(session.options());
        }
        Optional<Object> coded = Commands.make(type, session);
        if (coded.isPresent()) {
            return type.cast(coded.get());
        }
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Session.class);
            constructor.setAccessible(true);
            K command = constructor.newInstance(session);
            if (command instanceof ServiceWriteCommand write) {
                // service create|update --source of a function project builds it as kumo func does.
                write.functions(new FunctionSource());
            }
            return command;
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
