package dev.kumo.server.serving;

import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.util.ArrayList;
import java.util.List;

/** Revision logs for the API server, read from the runtime's instances of that Revision. */
final class RuntimeLogs implements RevisionLogs {

    private final WorkloadRuntime runtime;

    RuntimeLogs(WorkloadRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Stream open(String namespace, String revision, int tailLines, boolean follow, Sink sink) {
        List<InstanceLogs> logs = runtime.instances().stream()
                .filter(i -> i.revision().namespace().equals(namespace) && i.revision().revision().equals(revision))
                .map(Instance::id).map(runtime::logs).flatMap(java.util.Optional::stream).toList();
        if (!follow) {
            logs.forEach(log -> log.tail(tailLines).forEach(line -> sink.line(line.prefixed())));
            sink.end();
            return () -> { };
        }
        List<Subscription> subscriptions = new ArrayList<>();
        logs.forEach(log -> subscriptions.add(log.follow(tailLines, (LogLine line) -> sink.line(line.prefixed()))));
        return () -> subscriptions.forEach(Subscription::close);
    }
}
