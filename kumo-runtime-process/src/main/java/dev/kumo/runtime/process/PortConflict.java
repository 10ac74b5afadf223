package dev.kumo.runtime.process;

import java.util.Objects;

/**
 * Why an instance cannot serve where the platform sends it traffic, with a Kubernetes-style reason
 * ({@link #PORT_IN_USE}, {@link #LISTENING_ELSEWHERE}) and a message naming the port and the process holding it.
 */
record PortConflict(String reason, String message) {

    /** Another process holds the port the instance must serve on (or the containerPort it tried). */
    static final String PORT_IN_USE = "PortInUse";
    /** The instance listens, but not on the port it was given. */
    static final String LISTENING_ELSEWHERE = "ListeningElsewhere";

    PortConflict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
