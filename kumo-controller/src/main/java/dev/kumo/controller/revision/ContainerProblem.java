package dev.kumo.controller.revision;

import java.util.Objects;

/**
 * A container of a Revision's instances other than the serving one (a sidecar) that is not healthy: its name, the
 * kubelet's reason ({@code ExitCode}, {@code CrashLoopBackOff}, {@code OOMKilled}) and a message a person can act on.
 */
public record ContainerProblem(String container, String reason, String message) {

    public ContainerProblem {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
