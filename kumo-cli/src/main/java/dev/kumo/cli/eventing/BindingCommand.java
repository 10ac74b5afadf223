package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kumo source binding}: the verbs on SinkBindings, which give their subjects' workloads a K_SINK. */
@Command(name = "binding", description = "Manage SinkBindings: a sink handed to workloads as K_SINK.",
        subcommands = {BindingCommand.Create.class, BindingCommand.Update.class, BindingCommand.Describe.class,
            BindingCommand.List.class, BindingCommand.Delete.class})
public final class BindingCommand extends GroupCommand {

    private static final String LABEL = "Sink binding";

    /** The flags create and update share; update changes only those given. */
    static final class Flags {

        @Option(names = "--subject", paramLabel = "SUBJECT", description = "The object(s) to bind: "
                + "KIND:APIVERSION:NAME, or KIND:APIVERSION:KEY=VALUE,... for those with these labels, e.g. "
                + "Deployment:apps/v1:hello (required on create).")
        String subject;

        @Mixin
        SourceFlags source;

        void fill(ObjectNode spec, boolean creating) {
            if (subject != null) {
                spec.set("subject", KindFlag.subject(subject));
            } else if (creating) {
                throw new BadFlag("missing --subject: say what to bind, e.g. --subject Deployment:apps/v1:hello "
                        + "or --subject Job:batch/v1:app=cron");
            }
            source.fill(spec, creating);
        }
    }

    /** {@code kumo source binding create NAME --subject S --sink S [--ce-override K=V]}. */
    @Command(name = "create", description = "Create a SinkBinding.")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.SINK_BINDING, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), true);
        }
    }

    /** {@code kumo source binding update NAME [flags]}. */
    @Command(name = "update", description = "Update a SinkBinding.")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.SINK_BINDING, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), false);
        }
    }

    /** {@code kumo source binding describe NAME}. */
    @Command(name = "describe", description = "Show details of a SinkBinding.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.SINK_BINDING);
        }

        @Override
        void describe(JsonNode binding, DescribeBlock block) {
            JsonNode spec = binding.path("spec");
            block.attribute("Subject", spec.has("subject") ? KindFlag.describe(spec.path("subject")) : "")
                    .attribute("Sink", Sink.describe(spec.path("sink")))
                    .attribute("Sink URI", binding.at("/status/sinkUri").asText(""))
                    .section("CloudEvent Overrides", SourceFlags.overrides(spec));
        }
    }

    /** {@code kumo source binding list}. */
    @Command(name = "list", aliases = "ls", description = "List SinkBindings.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.SINK_BINDING);
        }
    }

    /** {@code kumo source binding delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete SinkBindings.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.SINK_BINDING, LABEL);
        }
    }
}
