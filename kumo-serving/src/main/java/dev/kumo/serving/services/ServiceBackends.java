package dev.kumo.serving.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a Service's connections may go (pure): the ready Pods its selector picks, each at its {@code podIP} and the
 * port its first container shows (the instance's own: Kumo's instances share the host's network, so each listens on
 * a port of its own and {@code targetPort} cannot be honoured as a port number).
 */
final class ServiceBackends {

    private ServiceBackends() {
    }

    /** The addresses of the ready, not deleting, Pods among {@code pods}. */
    static List<InetSocketAddress> of(List<ObjectNode> pods) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (ObjectNode pod : pods) {
            if (!pod.path("metadata").path("deletionTimestamp").asText("").isEmpty() || !ready(pod)) {
                continue;
            }
            int port = pod.path("spec").path("containers").path(0).path("ports").path(0).path("containerPort").asInt();
            String ip = pod.path("status").path("podIP").asText("");
            if (port > 0 && !ip.isEmpty()) {
                addresses.add(new InetSocketAddress(ip, port));
            }
        }
        return addresses;
    }

    /** Whether a selector selects anything: an empty one selects no Pods (Kubernetes' Services without selector). */
    static boolean selects(Map<String, String> selector) {
        return !selector.isEmpty();
    }

    private static boolean ready(JsonNode pod) {
        for (JsonNode condition : pod.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asText())) {
                return "True".equals(condition.path("status").asText());
            }
        }
        return false;
    }
}
