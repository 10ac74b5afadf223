package dev.kumo.cli.eventing;

import dev.kumo.cli.session.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo event}: CloudEvents by hand, as kn's event plugin sends them. */
@Command(name = "event", description = "Send CloudEvents to Brokers, Knative Services or URLs.",
        subcommands = EventSendCommand.class)
public final class EventCommand extends GroupCommand {
}
