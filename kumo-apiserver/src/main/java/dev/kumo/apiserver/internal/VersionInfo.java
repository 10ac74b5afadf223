package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;

/**
 * {@code /version}: Kumo reports the Kubernetes API level it follows (1.32), which is also what makes the kubectl
 * dispatcher on these machines pick a matching kubectl.
 */
final class VersionInfo {

    static final String KUMO_VERSION = "0.1.0";

    private VersionInfo() {
    }

    static ObjectNode document() {
        return Json.object().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-kumo." + KUMO_VERSION)
                .put("gitCommit", "").put("gitTreeState", "clean").put("buildDate", "")
                .put("goVersion", "java" + Runtime.version().feature()).put("compiler", "kumo")
                .put("platform", "linux/amd64");
    }
}
