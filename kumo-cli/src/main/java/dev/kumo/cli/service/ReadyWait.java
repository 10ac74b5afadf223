package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.ApiError;
import dev.kumo.cli.session.Session;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Waits for a written Service to become Ready, driven by a watch on it, printing kn's progress lines on stderr
 * ({@code   0.247s message}) each time the Ready condition's message changes. As kn's {@code --wait-window}, a
 * Ready=False fails the wait only once it has lasted the window (a Revision may fail a probe, then pass).
 */
public final class ReadyWait {

    private final Session session;
    private final Duration timeout;
    private final Duration window;
    private final long startNanos = System.nanoTime();
    private String lastMessage = "";
    private long failingSinceNanos = -1;

    ReadyWait(Session session, Duration timeout, Duration window) {
        this.session = session;
        this.timeout = timeout;
        this.window = window;
    }

    /** Returns the Ready Service; throws a {@link CliException} when it fails or the timeout passes. */
    public ObjectNode await(ObjectNode written) {
        String namespace = written.path("metadata").path("namespace").asText(session.namespace());
        String name = written.path("metadata").path("name").asText();
        long generation = written.path("metadata").path("generation").asLong(1);
        ObjectNode[] latest = {written};
        while (!settled(latest[0], generation)) {
            Duration left = timeout.minusNanos(System.nanoTime() - startNanos);
            if (failingSinceNanos >= 0) {
                Duration windowLeft = window.minusNanos(System.nanoTime() - failingSinceNanos);
                left = windowLeft.compareTo(left) < 0 ? windowLeft : left;
            }
            if (left.isNegative() || left.isZero()) {
                if (failingSinceNanos >= 0) {
                    settled(latest[0], generation);
                }
                throw new CliException("timeout: service '" + name + "' not ready after " + timeout.toSeconds()
                        + " seconds", "Run 'kumo service describe " + name + "' to see where it stands.");
            }
            try {
                String resourceVersion = latest[0].path("metadata").path("resourceVersion").asText("");
                boolean done = session.client().watch(ResourceTypes.SERVICE, namespace, name, resourceVersion,
                        left, changed -> {
                            latest[0] = changed;
                            return settled(changed, generation);
                        });
                if (done) {
                    break;
                }
            } catch (ApiError e) {
                if (e.status().code() != 410) {
                    throw e;
                }
            }
            // The watch ended (its timeout, or a resourceVersion too old): look again, then watch from there.
            latest[0] = session.client().get(ResourceTypes.SERVICE, namespace, name);
        }
        return latest[0];
    }

    private boolean settled(ObjectNode service, long generation) {
        ReadyState state = ReadyState.of(service, generation);
        if (!(state instanceof ReadyState.Failed)) {
            failingSinceNanos = -1;
        }
        return switch (state) {
            case ReadyState.Waiting waiting -> {
                progress(waiting.message());
                yield false;
            }
            case ReadyState.Ready ready -> {
                progress(ReadyState.READY_MESSAGE);
                yield true;
            }
            case ReadyState.Failed failed -> {
                long now = System.nanoTime();
                failingSinceNanos = failingSinceNanos < 0 ? now : failingSinceNanos;
                if (now - failingSinceNanos < window.toNanos()) {
                    progress(failed.message());
                    yield false;
                }
                throw new CliException(failed.message(), "Run 'kumo service describe "
                        + service.path("metadata").path("name").asText() + "' for the revision's conditions.");
            }
        };
    }

    private void progress(String message) {
        if (message.isEmpty() || Objects.equals(message, lastMessage)) {
            return;
        }
        lastMessage = message;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        session.err().println(String.format(Locale.ROOT, "%7.3fs %s", seconds, message));
        session.err().flush();
    }
}
