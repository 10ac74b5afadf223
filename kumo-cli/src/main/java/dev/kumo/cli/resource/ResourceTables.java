package dev.kumo.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.eventing.EventingTables;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.revision.RevisionTable;
import dev.kumo.cli.revision.Traffic;
import dev.kumo.cli.route.RouteTable;
import dev.kumo.cli.service.ServiceTable;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prints a list of any kind: the kn columns for Services, Revisions, Routes, Brokers, Triggers and PingSources,
 * NAME AGE otherwise.
 */
final class ResourceTables {

    private ResourceTables() {
    }

    static void print(Session session, ResourceType type, JsonNode list) {
        Instant now = session.now();
        if (type.equals(ResourceTypes.SERVICE)) {
            ListOutput.print(session, list, type, items -> ServiceTable.of(items, now));
        } else if (type.equals(ResourceTypes.REVISION)) {
            ListOutput.print(session, list, type, RevisionTable.ORDER, items -> RevisionTable.of(items,
                    Traffic.of(ListOutput.items(session.client().list(ResourceTypes.SERVICE,
                            session.listNamespace(), Optional.empty()))), now));
        } else if (type.equals(ResourceTypes.ROUTE)) {
            ListOutput.print(session, list, type, RouteTable::of);
        } else if (type.equals(ResourceTypes.BROKER)) {
            ListOutput.print(session, list, type, items -> EventingTables.brokers(items, now));
        } else if (type.equals(ResourceTypes.TRIGGER)) {
            ListOutput.print(session, list, type, items -> EventingTables.triggers(items, now));
        } else if (type.equals(ResourceTypes.PING_SOURCE)) {
            ListOutput.print(session, list, type, items -> EventingTables.pingSources(items, now));
        } else if (type.equals(ResourceTypes.API_SERVER_SOURCE)) {
            ListOutput.print(session, list, type, items -> EventingTables.apiServerSources(items, now));
        } else if (type.equals(ResourceTypes.SINK_BINDING)) {
            ListOutput.print(session, list, type, items -> EventingTables.sinkBindings(items, now));
        } else if (type.equals(ResourceTypes.CONTAINER_SOURCE)) {
            ListOutput.print(session, list, type, items -> EventingTables.containerSources(items, now));
        } else {
            ListOutput.print(session, list, type, items -> namesAndAges(items, now));
        }
    }

    private static Table namesAndAges(List<JsonNode> items, Instant now) {
        Table table = new Table("NAME", "AGE");
        items.forEach(i -> table.row(i.path("metadata").path("name").asText(), Age.of(i, now)));
        return table;
    }
}
