package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Follows the logs of every Revision of a Service, the ones created while it runs included: it lists them, then
 * watches the Service's Revisions (by label) and starts following each new one as it appears. Runs until the
 * calling thread is interrupted; closing stops every reader.
 */
final class ServiceLogFollow implements AutoCloseable {

    /** How long one watch request lasts before it is renewed from where it stopped. */
    private static final Duration WATCH_RENEWAL = Duration.ofMinutes(5);

    private final Session session;
    private final String namespace;
    private final String selector;
    private final LogsQuery query;
    private final Consumer<String> print;
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    private final List<Thread> readers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ServiceLogFollow(Session session, String namespace, String service, LogsQuery query, Consumer<String> print) {
        this.session = session;
        this.namespace = namespace;
        this.selector = "serving.knative.dev/service=" + service;
        this.query = query;
        this.print = print;
    }

    /** Follows until interrupted (then returns quietly); a failure of the watch is thrown. */
    void run() {
        try {
            String resourceVersion = followListed();
            while (!Thread.currentThread().isInterrupted()) {
                resourceVersion = followNew(resourceVersion);
            }
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw e;
            }
        }
    }

    /** Watches for one renewal period, following each Revision that appears; returns where to watch on from. */
    private String followNew(String resourceVersion) {
        String[] seen = {resourceVersion};
        try {
            session.client().watchSelected(ResourceTypes.REVISION, namespace, selector, resourceVersion,
                    WATCH_RENEWAL, event -> {
                        seen[0] = event.object().path("metadata").path("resourceVersion").asText(seen[0]);
                        if (!event.type().equals("DELETED")) {
                            follow(name(event.object()));
                        }
                        return false;
                    });
            return seen[0];
        } catch (ApiError e) {
            if (e.status().code() != 410) {
                throw e;
            }
            return followListed(); // the watch fell too far behind: list again
        }
    }

    /** Follows every Revision listed now; returns the list's resourceVersion to watch from. */
    private String followListed() {
        ObjectNode list = session.client().list(ResourceTypes.REVISION, Optional.of(namespace), Optional.of(selector));
        for (JsonNode revision : list.path("items")) {
            follow(name(revision));
        }
        return list.path("metadata").path("resourceVersion").asText("");
    }

    private void follow(String revision) {
        if (closed || !followed.add(revision)) {
            return;
        }
        readers.add(Thread.ofVirtual().name("kumo-logs-" + revision).start(() -> read(revision)));
    }

    private void read(String revision) {
        try {
            session.client().log(ResourceTypes.REVISION, namespace, revision, query.following(true).params(), print);
        } catch (ApiError e) {
            if (!e.status().isNotFound() && !closed) {
                session.warn("following revision " + revision + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            if (!closed) {
                session.warn("following revision " + revision + ": " + e.getMessage());
            }
        }
    }

    private static String name(JsonNode revision) {
        return revision.path("metadata").path("name").asText();
    }

    @Override
    public void close() {
        closed = true;
        readers.forEach(Thread::interrupt);
    }
}
