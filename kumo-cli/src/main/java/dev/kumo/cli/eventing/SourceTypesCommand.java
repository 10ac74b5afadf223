package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.apiextensions.ApiExtensionsKinds;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code kumo source list-types}: the event source kinds the server serves, as {@code kn source list-types} lists
 * the CustomResourceDefinitions labelled {@code duck.knative.dev/source=true}: TYPE, S (X for a source kn supports
 * built in), NAME (the CRD's), DESCRIPTION; {@code -o} prints the definitions themselves.
 */
@Command(name = "list-types", description = "List the kinds of event source the server serves, with what each does.")
public final class SourceTypesCommand implements Callable<Integer> {

    static final String SOURCE_LABEL = "duck.knative.dev/source=true";

    /** kn's descriptions of the source kinds it knows; kn marks all but KafkaSource as built in (S). */
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "ApiServerSource", "Watch and send Kubernetes API events to addressable",
            "SinkBinding", "Binding for connecting a PodSpecable to addressable",
            "PingSource", "Send periodically ping events to addressable",
            "ContainerSource", "Generate events by Container image and send to addressable",
            "KafkaSource", "Route events from Apache Kafka Server to addressable");
    private static final List<String> BUILT_IN = List.of("ApiServerSource", "SinkBinding", "PingSource",
            "ContainerSource");

    private final Session session;

    public SourceTypesCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ObjectNode found = session.client().list(ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION, Optional.empty(),
                Optional.of(SOURCE_LABEL));
        List<JsonNode> definitions = ListOutput.items(found).stream().sorted(ListOutput.BY_NAME).toList();
        if (session.options().output().isPresent()) {
            ObjectNode list = Json.object().put("apiVersion", "apiextensions.k8s.io/v1")
                    .put("kind", "CustomResourceDefinitionList");
            ArrayNode items = list.putArray("items");
            definitions.forEach(items::add);
            session.out().print(ObjectPrinter.format(list, session.options().output().get(),
                    item -> "customresourcedefinition.apiextensions.k8s.io"));
        } else {
            if (definitions.isEmpty()) {
                throw new CliException("no source types found: the server serves no CustomResourceDefinition "
                        + "labelled " + SOURCE_LABEL, "Check that the server runs Kumo's eventing.");
            }
            Table table = new Table("TYPE", "S", "NAME", "DESCRIPTION");
            for (JsonNode definition : definitions) {
                String kind = definition.at("/spec/names/kind").asText("");
                table.row(kind, BUILT_IN.contains(kind) ? "X" : "", definition.at("/metadata/name").asText(""),
                        DESCRIPTIONS.getOrDefault(kind, ""));
            }
            session.out().print(table.render(!session.options().noHeaders()));
        }
        session.out().flush();
        return 0;
    }
}
