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

/** {@code kumo sequence}: the verbs on Knative Sequences (flows.knative.dev/v1). */
@Command(name = "sequence", aliases = "sequences", description = "Manage Knative Sequences.",
        subcommands = {SequenceCommand.Create.class, SequenceCommand.Update.class, SequenceCommand.Describe.class,
            SequenceCommand.List.class, SequenceCommand.Delete.class})
public final class SequenceCommand extends GroupCommand {

    private static final String LABEL = "Sequence";

    /** The flags create and update share; update changes only those given. */
    static final class Flags {

        @Option(names = "--step", paramLabel = "SINK", description = "A step, in order (repeatable; required on "
                + "create): ksvc:NAME[:NAMESPACE], broker:NAME, channel:NAME or a URL. On update replaces the steps.")
        java.util.List<String> parts = new ArrayList<>();

        @Option(names = "--reply", paramLabel = "SINK", description = "Where the results go.")
        String reply;

        void fill(ObjectNode spec, boolean creating) {
            if (creating && parts.isEmpty()) {
                throw new BadFlag("missing --step: give at least one");
            }
            if (!parts.isEmpty()) {
                spec.set("steps", FlowCommands.steps(parts));
            }
            if (reply != null) {
                spec.set("reply", Sink.parse(reply, "--reply"));
            }
        }
    }

    /** {@code kumo sequence create NAME ...}. */
    @Command(name = "create", description = "Create a Sequence: each step's reply goes to the next step, the last one's to --reply.")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.SEQUENCE, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), true);
        }
    }

    /** {@code kumo sequence update NAME ...}. */
    @Command(name = "update", description = "Update a Sequence.")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.SEQUENCE, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), false);
        }
    }

    /** {@code kumo sequence describe NAME}: its address and its flow drawn as text. */
    @Command(name = "describe", description = "Show details of a Sequence, its flow drawn as text.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.SEQUENCE);
        }

        @Override
        void describe(JsonNode flow, DescribeBlock block) {
            block.attribute("URL", flow.at("/status/address/url").asText(""))
                    .section("Flow", FlowCommands.sequenceFlow(flow));
        }
    }

    /** {@code kumo sequence list}. */
    @Command(name = "list", aliases = "ls", description = "List Sequences.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.SEQUENCE);
        }
    }

    /** {@code kumo sequence delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete Sequences.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.SEQUENCE, LABEL);
        }
    }
}
