package dev.kumo.cli.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.session.Session;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kumo trace get ID}: one trace as an indented waterfall of its spans with their durations. */
@Command(name = "get", aliases = {"describe"}, description = "Show one trace as a waterfall of its spans.")
public final class TraceGetCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(index = "0", paramLabel = "TRACE_ID", description = "The trace's id (kumo trace list shows them).")
    String traceId;

    public TraceGetCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ObjectNode trace = session.client().traces(Optional.of(traceId));
        Optional<Output> output = session.options().output();
        if (output.isPresent()) {
            session.out().print(ObjectPrinter.format(trace, output.get(), item -> "trace"));
        } else {
            session.out().print(Waterfall.render(trace));
        }
        session.out().flush();
        return 0;
    }
}
