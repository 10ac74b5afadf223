package dev.kumo.cli.eventing;

import dev.kumo.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo source}: the Knative event sources; {@code ping} for now. */
@Command(name = "source", aliases = "sources", description = "Manage Knative event sources.",
        subcommands = PingCommand.class)
public final class SourceCommand extends GroupCommand {
}
