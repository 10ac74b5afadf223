package dev.kumo.cli.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Manifests;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.OutputFormat;
import dev.kumo.cli.session.Session;
import java.util.ArrayList;
import java.util.List;
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
        OutputFormat format = session.options().output().map(Output::format).orElse(null);
        if (format == OutputFormat.json || format == OutputFormat.yaml) {
            session.out().print(format == OutputFormat.json ? ObjectPrinter.json(list) + "\n"
                    : Manifests.writeYaml(list));
        } else if (list.path("items").isEmpty()) {
            session.out().println("No traces kept yet.");
        } else {
            session.out().print(table(list.path("items")));
        }
        session.out().flush();
        return 0;
    }

    /** The list as kn prints tables: upper-case headers, columns padded to their widest cell. */
    static String table(JsonNode items) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TRACE ID", "ROOT", "DURATION", "SPANS", "START"});
        for (JsonNode item : items) {
            rows.add(new String[] {item.path("traceId").asText(), item.path("rootSpan").asText(),
                    Waterfall.millis(item.path("durationMicros").asLong()), item.path("spanCount").asText(),
                    item.path("start").asText()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 3) + "s", row[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
