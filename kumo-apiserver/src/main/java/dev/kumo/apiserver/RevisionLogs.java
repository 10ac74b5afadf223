package dev.kumo.apiserver;

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

    /** No runtime: every Revision's log is empty. */
    RevisionLogs NONE = (namespace, revision, tailLines, follow, sink) -> {
        sink.end();
        return () -> { };
    };

    /** Sends the last {@code tailLines} lines of each instance, then, when following, new lines as written. */
    Stream open(String namespace, String revision, int tailLines, boolean follow, Sink sink);
}
