package dev.kumo.apiserver;

import dev.kumo.api.errors.ApiException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where {@code GET …/pods/NAME/log} reads from: the output of the instance a Pod shows, as plain lines. Throws
 * {@link dev.kumo.api.errors.ApiException} (404 for a Pod whose instance's log is not kept, 400 for a container
 * the Pod does not have).
 */
public interface PodLogs {

    /**
     * What {@code kubectl logs} asks for.
     *
     * @param container the container named by {@code -c}, empty for the Pod's only (or serving) container
     * @param tailLines how many of the last lines, empty for all that are kept
     * @param follow whether to go on sending lines as they are written
     * @param previous the run before the current one ({@code --previous}) instead of the current
     * @param since only lines written at or after this instant ({@code --since}, {@code --since-time})
     * @param timestamps each line starting with when it was written ({@code --timestamps})
     */
    record Options(Optional<String> container, Optional<Integer> tailLines, boolean follow, boolean previous,
            Optional<Instant> since, boolean timestamps) {

        /** Without {@code since} and timestamps. */
        public Options(Optional<String> container, Optional<Integer> tailLines, boolean follow, boolean previous) {
            this(container, tailLines, follow, previous, Optional.empty(), false);
        }
    }

    /** A Pod's log found, to be streamed once the response starts. */
    @FunctionalInterface
    interface Opened {

        /** Starts sending lines to {@code sink}, which must not block. */
        RevisionLogs.Stream stream(RevisionLogs.Sink sink);
    }

    /** No runtime: no Pod has a log. */
    PodLogs NONE = (namespace, pod, options) -> {
        throw ApiException.notFound("pods", pod);
    };

    /** Finds the log {@code options} ask for of the Pod's instance, or throws (404, 400) before anything is sent. */
    Opened open(String namespace, String pod, Options options);
}
