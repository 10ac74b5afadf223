package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.output.DescribeBlock;
import dev.kumo.cli.session.GroupCommand;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo eventtype}: Knative EventTypes, as {@code kn eventtype}. */
@Command(name = "eventtype", aliases = "eventtypes", description = "Manage Knative EventTypes.",
        subcommands = {EventTypeCommand.Create.class, EventTypeCommand.Describe.class, EventTypeCommand.List.class,
            EventTypeCommand.Delete.class})
public final class EventTypeCommand extends GroupCommand {

    private static final String LABEL = "Eventtype";

    /** {@code kumo eventtype create NAME --type T [--source S] [--broker B | --reference REF]}. */
    @Command(name = "create", description = "Create an EventType.")
    static final class Create extends CreateVerb {

        @Option(names = {"-t", "--type"}, required = true, paramLabel = "TYPE", description = "Cloud Event type.")
        String type;

        @Option(names = "--source", paramLabel = "SOURCE", description = "Cloud Event source.")
        String source;

        @Option(names = {"-b", "--broker"}, paramLabel = "BROKER", description = "Cloud Event Broker.")
        String broker;

        @Option(names = {"-r", "--reference"}, paramLabel = "REF", description = "Addressable reference producing "
                + "events: broker:NAME or channel:NAME.")
        String reference;

        Create(Session session) {
            super(session, ResourceTypes.EVENT_TYPE, LABEL);
        }

        @Override
        void fill(ObjectNode object) {
            if (broker != null && reference != null) {
                throw new BadFlag("use only one of '--broker' or '--reference' flags");
            }
            ObjectNode spec = object.withObjectProperty("spec").put("type", type);
            if (source != null) {
                spec.put("source", source);
            }
            if (broker != null) {
                spec.putObject("reference").put("apiVersion", "eventing.knative.dev/v1").put("kind", "Broker")
                        .put("name", broker);
            }
            if (reference != null) {
                JsonNode ref = Sink.parse(reference, "--reference").path("ref");
                if (ref.isMissingNode() || "Service".equals(ref.path("kind").asText())) {
                    throw new BadFlag("invalid --reference '" + reference + "': want broker:NAME or channel:NAME");
                }
                spec.set("reference", ref);
            }
        }
    }

    /** {@code kumo eventtype describe NAME}: type, source, reference and conditions. */
    @Command(name = "describe", description = "Show details of an EventType.")
    static final class Describe extends DescribeVerb {

        Describe(Session session) {
            super(session, ResourceTypes.EVENT_TYPE);
        }

        @Override
        void describe(JsonNode eventType, DescribeBlock block) {
            JsonNode spec = eventType.path("spec");
            block.attribute("Type", spec.path("type").asText(""))
                    .attribute("Source", spec.path("source").asText(""));
            if (spec.has("description")) {
                block.attribute("Description", spec.path("description").asText());
            }
            JsonNode ref = spec.path("reference");
            java.util.List<String> lines = new ArrayList<>();
            if (ref.isObject()) {
                lines.add("APIVersion:  " + ref.path("apiVersion").asText(""));
                lines.add("Kind:        " + ref.path("kind").asText(""));
                lines.add("Name:        " + ref.path("name").asText(""));
            }
            block.section("Reference", lines);
        }
    }

    /** {@code kumo eventtype list}: NAME TYPE SOURCE REFERENCE AGE READY. */
    @Command(name = "list", aliases = "ls", description = "List EventTypes.")
    static final class List extends ListVerb {

        List(Session session) {
            super(session, ResourceTypes.EVENT_TYPE);
        }
    }

    /** {@code kumo eventtype delete NAME...}. */
    @Command(name = "delete", aliases = "rm", description = "Delete EventTypes.")
    static final class Delete extends DeleteVerb {

        Delete(Session session) {
            super(session, ResourceTypes.EVENT_TYPE, LABEL);
        }
    }
}
