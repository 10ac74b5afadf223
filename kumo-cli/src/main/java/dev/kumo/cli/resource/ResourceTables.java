package dev.kumo.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.revision.RevisionTable;
import dev.kumo.cli.revision.Traffic;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.util.Optional;

/**
 * Prints a kind's objects, or one of them: the server's kn Table, except for Revisions, whose kn columns (TRAFFIC,
 * TAGS) join the Services' traffic and are built here.
 */
final class ResourceTables {

    private ResourceTables() {
    }

    /** Every object of the kind in the namespace (all with {@code -A}). */
    static void list(Session session, ResourceType type) {
        if (!type.equals(ResourceTypes.REVISION)) {
            ListOutput.printTable(session, type);
            return;
        }
        revisions(session, session.client().list(type, session.listNamespace(), Optional.empty()));
    }

    /** One object, raw with {@code -o}. */
    static void one(Session session, ResourceType type, String name) {
        if (session.options().output().isPresent()) {
            session.printRaw(session.client().get(type, session.namespace(), name), type);
        } else if (!type.equals(ResourceTypes.REVISION)) {
            ListOutput.printTable(session, type, session.client().table(type, Optional.of(session.namespace()),
                    Optional.of(name)));
        } else {
            ObjectNode single = Json.object();
            single.putArray("items").add(session.client().get(type, session.namespace(), name));
            revisions(session, single);
        }
    }

    private static void revisions(Session session, JsonNode list) {
        ListOutput.print(session, list, ResourceTypes.REVISION, RevisionTable.ORDER, items -> RevisionTable.of(items,
                Traffic.of(ListOutput.items(session.client().list(ResourceTypes.SERVICE, session.listNamespace(),
                        Optional.empty()))), session.now()));
    }
}
