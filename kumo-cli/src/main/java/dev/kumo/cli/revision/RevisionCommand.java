package dev.kumo.cli.revision;

import dev.kumo.cli.session.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo revision}: the verbs on Knative Revisions. */
@Command(name = "revision", aliases = {"revisions", "rev"}, description = "Inspect and delete Knative Revisions.",
        subcommands = {RevisionListCommand.class, RevisionDescribeCommand.class, RevisionDeleteCommand.class})
public final class RevisionCommand extends GroupCommand {
}
