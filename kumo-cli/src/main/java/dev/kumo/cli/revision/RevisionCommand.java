package dev.kumo.cli.revision;

import dev.kumo.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo revision}: the verbs on Knative Revisions. */
@Command(name = "revision", aliases = {"revisions", "rev"}, description = "Inspect Knative Revisions.",
        subcommands = {RevisionListCommand.class, RevisionDescribeCommand.class})
public final class RevisionCommand extends GroupCommand {
}
