package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kumo trigger}: the verbs on Knative Triggers. */
@Command(name = "trigger", aliases = "triggers", description = "Manage Knative Triggers.",
        subcommands = {TriggerCommand.Create.class, TriggerCommand.Update.class, TriggerCommand.Describe.class,
            TriggerCommand.List.class, TriggerCommand.Delete.class})
public final class TriggerCommand extends GroupCommand {

    private static final String LABEL = "Trigger";
    private static final String DEFAULT_BROKER = "default";

    /** The flags create and update share; update changes only those given, and never the broker. */
    static final class Flags {

        @Option(names = "--broker", paramLabel = "BROKER", description = "The Broker whose events to receive "
                + "(default: default). Cannot change on update.")
        String broker;

        @Mixin
        SinkFlag sink;

        @Option(names = "--filter", paramLabel = "ATTRIBUTE=VALUE", description = "Only events whose attribute "
                + "has this value (repeatable; all must match, and with --filters-cesql too); ATTRIBUTE- removes "
                + "the attribute's filter.")
        java.util.List<String> filters = new ArrayList<>();

        @Option(names = "--filters-cesql", paramLabel = "EXPRESSION", description = "Only events for which this "
                + "CloudEvents SQL expression is true; on update replaces the trigger's filters other than the "
                + "--filter attributes (empty: removes them).")
        String cesql;

        void fill(ObjectNode spec, boolean creating) {
            if (creating) {
                spec.put("broker", broker == null ? DEFAULT_BROKER : broker);
            } else if (broker != null && !broker.equals(spec.path("broker").asText())) {
                throw new BadFlag("invalid --broker '" + broker + "': a Trigger's broker cannot change and this "
                        + "one is on '" + spec.path("broker").asText() + "'; delete the trigger and create it again "
                        + "with --broker " + broker);
            }
            TriggerFilters.edit(spec, filters, cesql);
            sink.fill(spec, "subscriber", creating);
        }
    }

    /** {@code kumo trigger create NAME --sink S [--broker B] [--filter k=v]... [--filters-cesql EXPR]}. */
    @Command(name = "create", description = "Create a Trigger: the events of a Broker that pass its filters go to "
            + "the sink.")
    static final class Create extends CreateVerb {

        @Mixin
        Flags flags;

        Create(Session session) {
            super(session, ResourceTypes.TRIGGER, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), true);
        }
    }

    /** {@code kumo trigger update NAME [--sink S] [--filter k=v|k-]... [--filters-cesql EXPR]}. */
    @Command(name = "update", description = "Update a Trigger (its broker cannot change).")
    static final class Update extends UpdateVerb {

        @Mixin
        Flags flags;

        Update(Session session) {
            super(session, ResourceTypes.TRIGGER, LABEL);
        }

        @Override
        void edit(ObjectNode object) {
            flags.fill(object.withObjectProperty("spec"), false);
        }
    }

    /** {@code kumo trigger describe NAME}. */
    @Command(name = "describe", description = "Show details of a Trigger.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.TRIGGER);
        }

        @Override
        void describe(JsonNode trigger, DescribeBlock block) {
            block.attribute("Broker", trigger.at("/spec/broker").asText(""))
                    .attribute("Sink", Sink.describe(trigger.at("/spec/subscriber")))
                    .attribute("Subscriber URI", trigger.at("/status/subscriberUri").asText(""))
                    .section("Filter", filterLines(trigger.path("spec")));
        }

        /**
         * {@code type = x} per attribute of the legacy filter or of an {@code exact} filter, then one line per
         * other Subscriptions API filter.
         */
        static java.util.List<String> filterLines(JsonNode spec) {
            java.util.List<String> lines = new ArrayList<>();
            attributeLines(spec.path("filter").path("attributes"), lines);
            for (JsonNode filter : (ArrayNode) spec.withArrayProperty("filters")) {
                if (TriggerFilters.isExact(filter)) {
                    attributeLines(TriggerFilters.attributes(filter), lines);
                } else {
                    lines.add(filter.has("cesql") && filter.size() == 1 ? "cesql: " + filter.path("cesql").asText()
                            : filter.toString());
                }
            }
            return lines;
        }

        private static void attributeLines(JsonNode attributes, java.util.List<String> lines) {
            attributes.properties().forEach(e -> lines.add(e.getKey() + " = " + e.getValue().asText()));
        }
    }

    /** {@code kumo trigger list}. */
    @Command(name = "list", aliases = "ls", description = "List Triggers.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.TRIGGER);
        }
    }

    /** {@code kumo trigger delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete Triggers.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.TRIGGER, LABEL);
        }
    }
}
