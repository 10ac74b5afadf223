package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kumo parallel}: the verbs on Knative Parallels (flows.knative.dev/v1). */
@Command(name = "parallel", aliases = "parallels", description = "Manage Knative Parallels.",
        subcommands = {ParallelCommand.Create.class, ParallelCommand.Update.class, ParallelCommand.Describe.class,
            ParallelCommand.List.class, ParallelCommand.Delete.class})
public final class ParallelCommand extends GroupCommand {

    private static final String LABEL = "Parallel";

    /** The flags create and update share; update changes only those given. */
    static final class Flags {

        @Option(names = "--branch", paramLabel = "SUBSCRIBER[,filter=SINK][,reply=SINK]", description = "A branch "
                + "(repeatable; required on create): its subscriber, and optionally a filter (passes an event by "
                + "replying with it) and where its replies go. On update replaces the branches.")
        java.util.List<String> parts = new ArrayList<>();

        @Option(names = "--reply", paramLabel = "SINK", description = "Where the results go.")
        String reply;

        void fill(ObjectNode spec, boolean creating) {
            if (creating && parts.isEmpty()) {
                throw new BadFlag("missing --branch: give at least one");
            }
            if (!parts.isEmpty()) {
                spec.set("branches", FlowCommands.branches(parts));
            }
            if (reply != null) {
                spec.set("reply", Sink.parse(reply, "--reply"));
            }
        }
    }

    /** {@code kumo parallel create NAME ...}. */
    @Command(name = "create", description = "Create a Parallel: every event goes to each branch whose filter passes it.")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.PARALLEL, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), true);
        }
    }

    /** {@code kumo parallel update NAME ...}. */
    @Command(name = "update", description = "Update a Parallel.")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.PARALLEL, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), false);
        }
    }

    /** {@code kumo parallel describe NAME}: its address and its flow drawn as text. */
    @Command(name = "describe", description = "Show details of a Parallel, its flow drawn as text.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.PARALLEL);
        }

        @Override
        void describe(JsonNode flow, DescribeBlock block) {
            block.attribute("URL", flow.at("/status/address/url").asText(""))
                    .section("Flow", FlowCommands.parallelFlow(flow));
        }
    }

    /** {@code kumo parallel list}. */
    @Command(name = "list", aliases = "ls", description = "List Parallels.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.PARALLEL);
        }
    }

    /** {@code kumo parallel delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete Parallels.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.PARALLEL, LABEL);
        }
    }
}
