package dev.kumo.cli.route;

import dev.kumo.cli.session.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo route}: the verbs on Knative Routes. */
@Command(name = "route", aliases = {"routes", "rt"}, description = "Inspect Knative Routes.",
        subcommands = {RouteListCommand.class, RouteDescribeCommand.class})
public final class RouteCommand extends GroupCommand {
}
