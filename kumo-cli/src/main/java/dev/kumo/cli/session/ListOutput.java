package dev.kumo.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.output.ServerTable;
import dev.kumo.cli.output.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prints a list the way every list command does: raw with {@code -o}, else the server's kn Table (or, for a table
 * that joins other objects, one the command builds), sorted by namespace and name, with a NAMESPACE column for
 * {@code -A}; an empty list is said on stderr.
 */
public final class ListOutput {

    private ListOutput() {
    }

    /** Items by namespace, then name. */
    public static final Comparator<JsonNode> BY_NAME = Comparator
            .comparing((JsonNode i) -> i.path("metadata").path("namespace").asText())
            .thenComparing(i -> i.path("metadata").path("name").asText());

    /** Prints the server's list of {@code type} with the table the command builds from its items. */
    public static void print(Session session, JsonNode list, ResourceType type,
            Function<List<JsonNode>, Table> table) {
        print(session, list, type, BY_NAME, table);
    }

    /** Prints a list whose table rows come in the given order. */
    public static void print(Session session, JsonNode list, ResourceType type, Comparator<JsonNode> order,
            Function<List<JsonNode>, Table> table) {
        if (session.printRaw(list, type)) {
            return;
        }
        List<JsonNode> items = items(list);
        items.sort(order);
        if (items.isEmpty()) {
            print(session, type, List.of(), new Table("NAME"));
            return;
        }
        print(session, type, items.stream().map(i -> i.path("metadata")).toList(), table.apply(items));
    }

    /** Prints the table of objects with this {@code metadata} (one per row), or says there are none. */
    private static void print(Session session, ResourceType type, List<JsonNode> metadata, Table table) {
        if (metadata.isEmpty()) {
            boolean everywhere = session.options().allNamespaces() || !type.namespaced();
            session.err().println("No " + type.plural() + " found"
                    + (everywhere ? "." : " in namespace " + session.namespace() + "."));
            session.err().flush();
            return;
        }
        Table rendered = table;
        if (session.options().allNamespaces() && type.namespaced()) {
            rendered = rendered.withFirstColumn("NAMESPACE", metadata.stream()
                    .map(m -> m.path("namespace").asText()).toList());
        }
        session.out().print(rendered.render(!session.options().noHeaders()));
        session.out().flush();
    }

    /**
     * Prints a kind's objects in a namespace (all with {@code -A}) as the server's kn Table; raw with {@code -o}.
     */
    public static void printTable(Session session, ResourceType type) {
        printTable(session, type, Optional.empty(), Optional.empty());
    }

    /** The same, of one object when {@code name} is given, of those matching a label selector when one is. */
    public static void printTable(Session session, ResourceType type, Optional<String> name,
            Optional<String> labelSelector) {
        if (name.isPresent()) {
            JsonNode one = session.options().output().isPresent()
                    ? session.client().get(type, session.namespace(), name.get())
                    : session.client().table(type, Optional.of(session.namespace()), name);
            if (!session.printRaw(one, type)) {
                printTable(session, type, one);
            }
            return;
        }
        if (session.options().output().isPresent()) {
            session.printRaw(session.client().list(type, session.listNamespace(), labelSelector), type);
            return;
        }
        printTable(session, type, session.client().selectedTable(type, session.listNamespace(), labelSelector));
    }

    /** Prints a Table the server sent for {@code type}, rows by namespace then name. */
    public static void printTable(Session session, ResourceType type, JsonNode table) {
        List<JsonNode> rows = ServerTable.rows(table);
        rows.sort(Comparator.comparing((JsonNode row) -> ServerTable.metadata(row).path("namespace").asText())
                .thenComparing(row -> ServerTable.metadata(row).path("name").asText()));
        List<JsonNode> metadata = rows.stream().map(ServerTable::metadata).toList();
        print(session, type, metadata, ServerTable.of(table, rows, session.now(), session.options().wide()));
    }

    /** The items of a list, in the server's order. */
    public static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        return items;
    }
}
