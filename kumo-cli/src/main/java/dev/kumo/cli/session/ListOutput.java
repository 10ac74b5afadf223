package dev.kumo.cli.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.output.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Prints a list the way every list command does: raw with {@code -o}, else a table of the items (by default
 * sorted by namespace and name), with a NAMESPACE column for {@code -A}; an empty list is said on stderr.
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
            boolean everywhere = session.options().allNamespaces() || !type.namespaced();
            session.err().println("No " + type.plural() + " found"
                    + (everywhere ? "." : " in namespace " + session.namespace() + "."));
            session.err().flush();
            return;
        }
        Table rendered = table.apply(items);
        if (session.options().allNamespaces() && type.namespaced()) {
            rendered = rendered.withFirstColumn("NAMESPACE", items.stream()
                    .map(i -> i.path("metadata").path("namespace").asText()).toList());
        }
        session.out().print(rendered.render(!session.options().noHeaders()));
        session.out().flush();
    }

    /** The items of a list, in the server's order. */
    public static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        return items;
    }
}
