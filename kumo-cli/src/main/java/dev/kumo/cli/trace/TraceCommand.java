package dev.kumo.cli.trace;

import dev.kumo.cli.session.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo trace}: the recent traces the server keeps in memory. */
@Command(name = "trace", description = "Show the latest traces the server keeps in memory "
        + "(requests through the router, events through brokers, triggers and channels).",
        subcommands = {TraceListCommand.class, TraceGetCommand.class})
public final class TraceCommand extends GroupCommand {
}
