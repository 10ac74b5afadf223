package dev.kumo.apiserver;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code GET …/revisions/NAME/log} reads from: the output of a Revision's instances, as lines
 * {@code revision > instance | text}. The runtime implements it; without one, logs are empty.
 */
public interface RevisionLogs {

    /** Receives lines; must not block. */
    interface Sink {

        void line(String line);

        /** No more lines will come (the instances stopped, or nothing was to be followed). */
        void end();
    }

    /** A running log stream; closing it stops the lines. */
    interface Stream {

        void close();
    }

    /**
     * A container of the Revision and the names of its sidecars: a sidecar's lines are tagged {@code [name] } in the
     * instance's log, the serving container's are not.
     */
    record Container(String name, List<String> sidecars) {

        public Container {
            Objects.requireNonNull(name, "name");
            sidecars = List.copyOf(sidecars);
        }

        /** Whether this is the serving container (none of the sidecars). */
        public boolean serving() {
            return !sidecars.contains(name);
        }
    }

    /**
     * What {@code kumo service logs} and {@code kubectl logs} ask for, with the kubelet's meanings.
     *
     * @param tailLines how many of the last lines of each instance (after {@code since})
     * @param follow whether to go on sending lines as they are written
     * @param since only lines written at or after this instant
     * @param timestamps each line starting with when it was written (RFC 3339 with nanoseconds) and a space
     * @param previous the runs that ended instead of the current ones: a restarted instance's previous run, and the
     *     instances that stopped (while their logs are kept)
     * @param container only this container's lines
     */
    record Options(int tailLines, boolean follow, Optional<Instant> since, boolean timestamps, boolean previous,
            Optional<Container> container) {

        public Options {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(container, "container");
        }

        /** The last {@code tailLines} lines, followed or not, nothing else asked. */
        public static Options of(int tailLines, boolean follow) {
            return new Options(tailLines, follow, Optional.empty(), false, false, Optional.empty());
        }
    }

    /** No runtime: every Revision's log is empty. */
    RevisionLogs NONE = (namespace, revision, tailLines, follow, sink) -> {
        sink.end();
        return () -> { };
    };

    /** Sends the last {@code tailLines} lines of each instance, then, when following, new lines as written. */
    Stream open(String namespace, String revision, int tailLines, boolean follow, Sink sink);

    /**
     * Sends what {@code options} ask for; by default only the tail and the follow are heeded (a log that knows no
     * times, runs or containers, as a BuildRun's).
     */
    default Stream open(String namespace, String revision, Options options, Sink sink) {
        return open(namespace, revision, options.tailLines(), options.follow(), sink);
    }
}
