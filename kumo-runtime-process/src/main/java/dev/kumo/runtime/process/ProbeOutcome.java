package dev.kumo.runtime.process;

import java.util.Objects;
import java.util.Optional;

/** What one probe found: it passed, it failed (and why), or the port is not the instance's to serve on. */
sealed interface ProbeOutcome {

    /** The probe passed, on a socket of the instance's own processes (or where that cannot be told). */
    record Passed() implements ProbeOutcome {
    }

    /** The probe failed; the message says how. */
    record Failed(String message) implements ProbeOutcome {

        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The probe cannot pass as the instance is: another process holds its port, or it listens elsewhere. */
    record Conflicted(PortConflict conflict) implements ProbeOutcome {

        public Conflicted {
            Objects.requireNonNull(conflict, "conflict");
        }
    }

    /** What went wrong, empty when the probe passed. */
    default Optional<String> failure() {
        return switch (this) {
            case Passed passed -> Optional.empty();
            case Failed failed -> Optional.of(failed.message());
            case Conflicted conflicted -> Optional.of(conflicted.conflict().message());
        };
    }
}
