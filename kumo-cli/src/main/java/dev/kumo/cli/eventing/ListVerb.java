package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.session.ListOutput;
import dev.kumo.cli.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/** {@code list} for an eventing kind: the namespace's objects (all with {@code -A}) as kn's table. */
abstract class ListVerb implements Callable<Integer> {

    private final Session session;
    private final ResourceType type;
    private final BiFunction<List<JsonNode>, Instant, Table> table;

    ListVerb(Session session, ResourceType type, BiFunction<List<JsonNode>, Instant, Table> table) {
        this.session = session;
        this.type = type;
        this.table = table;
    }

    @Override
    public final Integer call() {
        JsonNode list = session.client().list(type, session.listNamespace(), Optional.empty());
        ListOutput.print(session, list, type, items -> table.apply(items, session.now()));
        return 0;
    }
}
