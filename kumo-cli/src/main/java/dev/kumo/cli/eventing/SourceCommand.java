package dev.kumo.cli.eventing;

import dev.kumo.cli.session.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo source}: the Knative event sources, each kind's verbs, and {@code list} across all kinds. */
@Command(name = "source", aliases = "sources", description = "Manage Knative event sources.",
        subcommands = {SourceListCommand.class, SourceTypesCommand.class, PingCommand.class, ApiServerCommand.class, BindingCommand.class,
            ContainerCommand.class})
public final class SourceCommand extends GroupCommand {
}
