package dev.kumo.runtime.podman;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Whether a connection the published port accepted during a container's start looks shows its workload listening.
 * Rootful podman publishes a port by DNAT (CNI, netavark): an accept is the workload's own. Rootless podman publishes
 * it through a userspace forwarder (rootlessport, pasta, slirp4netns's port handler) that listens from the moment the
 * pod's infra is up, before runc started the workload: there an accept counts only once podman answered the start,
 * else the instance would be Ready too early and its cold start's request answered 502.
 */
final class StartLook {

    private StartLook() {
    }

    /**
     * Whether the look's accept counts: {@code looked} (something accepted at the port during the looks), with
     * {@code rootless} podman only once {@code startAnswered}.
     */
    static boolean counts(boolean looked, boolean rootless, boolean startAnswered) {
        return looked && (!rootless || startAnswered);
    }

    /** Whether podman's {@code /libpod/info} says it runs rootless ({@code host.security.rootless}); unsaid: rootless. */
    static boolean rootless(JsonObject info) {
        return Optional.ofNullable(info.getJsonObject("host")).map(host -> host.getJsonObject("security"))
                .map(security -> security.getBoolean("rootless")).orElse(true);
    }
}
