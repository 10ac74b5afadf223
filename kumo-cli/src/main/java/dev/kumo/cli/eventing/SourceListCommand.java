package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.client.KindCatalog;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kumo source list [-t TYPE...]}: the sources of every kind in one table, as kn prints it. */
@Command(name = "list", aliases = "ls", description = "List sources of every kind.")
final class SourceListCommand implements Callable<Integer> {

    private static final List<ResourceType> KINDS = List.of(ResourceTypes.API_SERVER_SOURCE,
            ResourceTypes.CONTAINER_SOURCE, ResourceTypes.PING_SOURCE, ResourceTypes.SINK_BINDING);

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "Only sources of this kind: "
            + "ApiServerSource, ContainerSource, PingSource or SinkBinding (repeatable).")
    List<String> types = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Session session;

    SourceListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<JsonNode> items = new ArrayList<>();
        for (ResourceType type : selected()) {
            items.addAll(ListOutput.items(session.client().list(type, session.listNamespace(), Optional.empty())));
        }
        items.sort(ListOutput.BY_NAME.thenComparing(item -> item.path("kind").asText()));
        Optional<Output> format = session.options().output();
        if (format.isPresent()) {
            ObjectNode list = Json.object().put("apiVersion", "v1").put("kind", "List");
            ArrayNode array = list.putArray("items");
            items.forEach(array::add);
            session.out().print(ObjectPrinter.format(list, format.get(), item -> KindCatalog.forManifest(
                    item.path("apiVersion").asText(), item.path("kind").asText())
                    .map(KindCatalog::qualifiedName).orElse(item.path("kind").asText())));
        } else if (items.isEmpty()) {
            session.err().println("No sources found" + (session.options().allNamespaces() ? "."
                    : " in namespace " + session.namespace() + "."));
        } else {
            Table table = EventingTables.sources(items);
            if (session.options().allNamespaces()) {
                table = table.withFirstColumn("NAMESPACE", items.stream()
                        .map(i -> i.path("metadata").path("namespace").asText()).toList());
            }
            session.out().print(table.render(!session.options().noHeaders()));
        }
        session.out().flush();
        session.err().flush();
        return 0;
    }

    private List<ResourceType> selected() {
        if (types.isEmpty()) {
            return KINDS;
        }
        List<ResourceType> selected = new ArrayList<>();
        for (String name : types) {
            selected.add(KINDS.stream().filter(kind -> kind.kind().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "invalid --type '" + name
                            + "': want ApiServerSource, ContainerSource, PingSource or SinkBinding")));
        }
        return selected;
    }
}
