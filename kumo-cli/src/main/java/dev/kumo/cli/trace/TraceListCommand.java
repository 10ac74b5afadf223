package dev.kumo.cli.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.session.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kumo trace list}: trace id, root span, duration, span count and start of each kept trace, newest first. */
@Command(name = "list", aliases = {"ls"}, description = "List the latest traces, newest first.")
public final class TraceListCommand implements Callable<Integer> {

    private final Session session;

    public TraceListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ObjectNode list = session.client().traces(Optional.empty());
        Optional<Output> output = session.options().output();
        if (output.isPresent()) {
            session.out().print(ObjectPrinter.format(list, output.get(), item -> "trace"));
        } else if (list.path("items").isEmpty()) {
            session.out().println("No traces kept yet.");
        } else {
            session.out().print(table(list.path("items")).render(!session.options().noHeaders()));
        }
        session.out().flush();
        return 0;
    }

    /** The list as kn prints tables: upper-case headers, columns padded to their widest cell. */
    static Table table(JsonNode items) {
        Table table = new Table("TRACE ID", "ROOT", "DURATION", "SPANS", "START");
        for (JsonNode item : items) {
            table.row(item.path("traceId").asText(), item.path("rootSpan").asText(),
                    Waterfall.millis(item.path("durationMicros").asLong()), item.path("spanCount").asText(),
                    item.path("start").asText());
        }
        return table;
    }
}
