package dev.kumo.cli.plugin;

import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo plugin list}: the plugins found, as {@code kn plugin list}. */
@Command(name = "plugin", description = "Plugins: executables named kumo-NAME on PATH or in "
        + "~/.config/kumo/plugins run as 'kumo NAME'.", subcommands = PluginCommand.ListPlugins.class)
public final class PluginCommand extends GroupCommand {

    /** {@code kumo plugin list [--verbose]}. */
    @Command(name = "list", aliases = "ls", description = "List the plugins found.")
    static final class ListPlugins implements Callable<Integer> {

        @Option(names = "--verbose", description = "Print the file each plugin runs.")
        boolean verbose;

        private final Session session;

        ListPlugins(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Map<String, Path> plugins = Plugins.of(session.environment()).all();
            if (plugins.isEmpty()) {
                session.out().println("No plugins found in ~/.config/kumo/plugins or on PATH.");
            }
            plugins.forEach((name, file) -> session.out().println(verbose ? "kumo " + name + "\t" + file
                    : "kumo " + name));
            session.out().flush();
            return 0;
        }
    }
}
