package dev.kumo.cli.usage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.usage.UsagePeriod;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.Table;
import dev.kumo.cli.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kumo usage [--since 24h] [--revisions] [--prices FILE] [-n NS|-A] [-o json|yaml]}: the metered usage per
 * Service (or Revision) over the period, with the total and an estimated cost at {@link Prices}.
 */
@Command(name = "usage", description = "Show what each Service used (requests, instance time, memory and CPU time, "
        + "cold starts, events delivered) over a period, with an estimated cost.")
public final class UsageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
            description = "How far back to look: a duration such as 90m, 24h or 7d, at most 90d (default: 24h).")
    String since;

    @Option(names = "--revisions", description = "One line per Revision rather than per Service.")
    boolean revisions;

    @Option(names = "--prices", paramLabel = "FILE", description = "YAML unit prices (currency, vcpu-second, "
            + "gib-second, million-requests, million-events) instead of Cloud Run's list prices.")
    Path pricesFile;

    private final Session session;

    public UsageCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Prices prices;
        try {
            UsagePeriod.parse("--since", since);
            prices = pricesFile == null ? Prices.CLOUD_RUN : Prices.read(pricesFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ObjectNode report = session.client().usage(session.listNamespace(), since);
        List<UsageRow> rows = UsageRow.of(report.path("items"), revisions);
        Optional<Output> output = session.options().output();
        if (output.isPresent()) {
            session.out().print(ObjectPrinter.format(document(report, rows, prices), output.get(), item -> "usage"));
        } else if (rows.isEmpty()) {
            session.out().println("No usage in the last " + since + session.listNamespace()
                    .map(ns -> " in namespace " + ns).orElse("") + ".");
        } else {
            session.out().print(table(rows, prices).render(!session.options().noHeaders()));
        }
        session.out().flush();
        return 0;
    }

    private ObjectNode document(ObjectNode report, List<UsageRow> rows, Prices prices) {
        ObjectNode document = Json.object().put("apiVersion", report.path("apiVersion").asText())
                .put("kind", "UsageSummary");
        document.set("period", report.path("period"));
        document.set("prices", Json.toTree(prices));
        ArrayNode items = document.putArray("items");
        rows.forEach(row -> items.add(item(row, prices)));
        document.set("total", item(UsageRow.total(rows), prices));
        return document;
    }

    private ObjectNode item(UsageRow row, Prices prices) {
        ObjectNode item = Json.toTree(row);
        if (!revisions) {
            item.remove("revision");
        }
        return item.put("estimatedCost", prices.cost(row));
    }

    private Table table(List<UsageRow> rows, Prices prices) {
        boolean everywhere = session.listNamespace().isEmpty();
        List<String> headers = new ArrayList<>();
        if (everywhere) {
            headers.add("NAMESPACE");
        }
        headers.add("SERVICE");
        if (revisions) {
            headers.add("REVISION");
        }
        headers.addAll(List.of("REQUESTS", "INSTANCE-SECONDS", "GIB-SECONDS", "CPU-SECONDS", "COLD-STARTS", "EVENTS",
                "COST (" + prices.currency() + ")"));
        Table table = new Table(headers);
        List<UsageRow> lines = new ArrayList<>(rows);
        lines.add(UsageRow.total(rows));
        for (UsageRow row : lines) {
            List<String> cells = new ArrayList<>();
            if (everywhere) {
                cells.add(row.namespace());
            }
            cells.add(row.service().isEmpty() ? "-" : row.service());
            if (revisions) {
                cells.add(row.revision().isEmpty() ? "-" : row.revision());
            }
            cells.addAll(List.of(Long.toString(row.requests()), decimal(row.instanceSeconds(), 1),
                    decimal(row.memoryGibSeconds(), 1), decimal(row.cpuSeconds(), 2), Long.toString(row.coldStarts()),
                    Long.toString(row.eventsDelivered()), decimal(prices.cost(row), 6)));
            table.row(cells);
        }
        return table;
    }

    private static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
