package dev.kumo.cli.help;

import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code kumo options}: the options every command takes, which subcommands' help leaves out. */
@Command(name = "options", description = "Print the list of flags inherited by all commands.")
public final class OptionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Session session;

    public OptionsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.out().println("The following options can be passed to any command:");
        session.out().println();
        session.out().print(spec.commandLine().getHelp().optionListExcludingGroups(spec.options().stream()
                .filter(GlobalOptionsHelp::isGlobal).filter(option -> !option.hidden()).toList()));
        session.out().flush();
        return 0;
    }
}
