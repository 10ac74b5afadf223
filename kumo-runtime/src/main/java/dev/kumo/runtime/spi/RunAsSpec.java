package dev.kumo.runtime.spi;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Whom the workload runs as: Kubernetes' {@code securityContext.runAsUser}, {@code runAsGroup} and
 * {@code runAsNonRoot}, container settings over the pod's; all empty runs it as the server's user.
 */
public record RunAsSpec(OptionalLong user, OptionalLong group, boolean nonRoot) {

    /** Nothing asked: the server's user. */
    public static final RunAsSpec SERVER_USER = new RunAsSpec(OptionalLong.empty(), OptionalLong.empty(), false);

    public RunAsSpec {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        if (user.isPresent() && user.getAsLong() < 0 || group.isPresent() && group.getAsLong() < 0) {
            throw new IllegalArgumentException("runAsUser and runAsGroup must not be negative, got " + user + " and "
                    + group);
        }
    }
}
