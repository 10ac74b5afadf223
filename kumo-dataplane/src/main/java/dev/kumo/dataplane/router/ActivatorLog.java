package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.support.WarmupRevisions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The activator's log lines, once per change: a revision at zero begins holding requests (a cold start). The
 * revision's namespace and name, and the trace id of the request that began it, go in the MDC for
 * {@code --log-format json}. Called on the request's event loop, so the MDC is that thread's for this call only.
 */
final class ActivatorLog {

    private static final Logger LOG = LoggerFactory.getLogger(Activator.class);

    private ActivatorLog() {
    }

    static void holding(RevisionId revision, Optional<String> traceId) {
        if (!LOG.isInfoEnabled() || WarmupRevisions.warmup(revision.namespace())) {
            return;
        }
        try (var namespace = MDC.putCloseable("namespace", revision.namespace());
             var name = MDC.putCloseable("revision", revision.name());
             var trace = traceId.map(id -> MDC.putCloseable("trace_id", id)).orElse(null)) {
            LOG.info("revision {} has no ready instance: holding requests while one starts", revision);
        }
    }
}
