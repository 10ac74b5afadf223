package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.GroupCommand;
import dev.kumo.cli.Session;
import dev.kumo.cli.output.DescribeBlock;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo trigger}: the verbs on Knative Triggers. */
@Command(name = "trigger", aliases = "triggers", description = "Manage Knative Triggers.",
        subcommands = {TriggerCommand.Create.class, TriggerCommand.Describe.class, TriggerCommand.List.class,
            TriggerCommand.Delete.class})
public final class TriggerCommand extends GroupCommand {

    /** {@code kumo trigger create NAME --sink S [--broker B] [--filter k=v]... [--filters-cesql EXPR]}. */
    @Command(name = "create", description = "Create a Trigger: the events of a Broker that pass its filters go to "
            + "the sink.")
    static final class Create extends CreateVerb {

        @Option(names = "--broker", paramLabel = "BROKER", defaultValue = "default",
                description = "The Broker whose events to receive (default: ${DEFAULT-VALUE}).")
        String broker;

        @Option(names = {"-s", "--sink"}, required = true, paramLabel = "SINK",
                description = "Where events go: ksvc:NAME[:NAMESPACE], broker:NAME, channel:NAME or a URL.")
        String sink;

        @Option(names = "--filter", paramLabel = "ATTRIBUTE=VALUE",
                description = "Only events whose attribute has this value (repeatable; all must match).")
        java.util.List<String> filters = new ArrayList<>();

        @Option(names = "--filters-cesql", paramLabel = "EXPRESSION",
                description = "Only events for which this CloudEvents SQL expression is true.")
        String cesql;

        Create(Session session) {
            super(session, ResourceTypes.TRIGGER, "Trigger");
        }

        @Override
        void fill(ObjectNode object) {
            ObjectNode spec = object.withObjectProperty("spec");
            spec.put("broker", broker);
            if (!filters.isEmpty()) {
                ObjectNode attributes = spec.putObject("filter").putObject("attributes");
                for (String filter : filters) {
                    int equals = filter.indexOf('=');
                    if (equals <= 0) {
                        throw new BadFlag("invalid --filter '" + filter + "': want ATTRIBUTE=VALUE, e.g. "
                                + "type=dev.knative.sources.ping");
                    }
                    attributes.put(filter.substring(0, equals), filter.substring(equals + 1));
                }
            }
            if (cesql != null) {
                spec.putArray("filters").addObject().put("cesql", cesql);
            }
            spec.set("subscriber", Sink.parse(sink, "--sink"));
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

        /** {@code type = x} per attribute of the legacy filter, then one line per Subscriptions API filter. */
        static java.util.List<String> filterLines(JsonNode spec) {
            java.util.List<String> lines = new ArrayList<>();
            spec.path("filter").path("attributes").properties()
                    .forEach(e -> lines.add(e.getKey() + " = " + e.getValue().asText()));
            for (JsonNode filter : (ArrayNode) spec.withArrayProperty("filters")) {
                lines.add(filter.has("cesql") && filter.size() == 1 ? "cesql: " + filter.path("cesql").asText()
                        : filter.toString());
            }
            return lines;
        }
    }

    /** {@code kumo trigger list}. */
    @Command(name = "list", aliases = "ls", description = "List Triggers.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.TRIGGER, EventingTables::triggers);
        }
    }

    /** {@code kumo trigger delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete Triggers.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.TRIGGER, "Trigger");
        }
    }
}
