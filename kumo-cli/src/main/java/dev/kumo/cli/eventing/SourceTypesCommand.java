package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.session.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code kumo source list-types}: the kinds of event source Kumo runs, as {@code kn source list-types} lists the
 * source CRDs of a cluster (type, name, description; {@code -o} prints them as a list).
 */
@Command(name = "list-types", description = "List the kinds of event source, with what each does.")
public final class SourceTypesCommand implements Callable<Integer> {

    /** A source kind and Knative's description of it. */
    private record SourceType(ResourceType type, String description) {
    }

    private static final List<SourceType> TYPES = List.of(
            new SourceType(ResourceTypes.API_SERVER_SOURCE, "Watch and send Kubernetes API events to a sink"),
            new SourceType(ResourceTypes.CONTAINER_SOURCE, "Generate events by a container image and send to a "
                    + "sink"),
            new SourceType(ResourceTypes.PING_SOURCE, "Send periodically ping events to a sink"),
            new SourceType(ResourceTypes.SINK_BINDING, "Binding for connecting a PodSpecable to a sink"));

    private final Session session;

    public SourceTypesCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        if (session.options().output().isPresent()) {
            ObjectNode list = Json.object().put("apiVersion", "v1").put("kind", "List");
            ArrayNode items = list.putArray("items");
            TYPES.forEach(t -> items.addObject().put("type", t.type().kind())
                    .put("name", t.type().plural() + "." + t.type().group()).put("description", t.description())
                    .putObject("metadata").put("name", t.type().plural() + "." + t.type().group()));
            session.out().print(ObjectPrinter.format(list, session.options().output().get(), item -> "sourcetype"));
        } else {
            Table table = new Table("TYPE", "NAME", "DESCRIPTION");
            TYPES.forEach(t -> table.row(t.type().kind(), t.type().plural() + "." + t.type().group(),
                    t.description()));
            session.out().print(table.render(!session.options().noHeaders()));
        }
        session.out().flush();
        return 0;
    }
}
