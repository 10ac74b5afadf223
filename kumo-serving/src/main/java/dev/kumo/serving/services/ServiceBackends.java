package dev.kumo.serving.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.core.PodKind;
import dev.kumo.api.serving.pod.IntOrString;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Service port's connections may go (pure): the ready Pods its selector picks, each at its {@code podIP} and
 * the port its {@code targetPort} names. Kumo's instances share the host's network, so each listens on a port of its
 * own, which its Pod's {@code ports} show and which stands for the port its template declares
 * ({@link PodKind#DECLARED_PORT_ANNOTATION}): a number targetPort must be the declared {@code containerPort} (any,
 * where the template declares none: the instance listens on that one port), a name that port's {@code name}. Ready
 * Pods declaring no such port are no backends; they are named so that the Service can say so.
 */
final class ServiceBackends {

    private ServiceBackends() {
    }

    /** The ready Pods' addresses for a port, and the ready Pods that declare no port its targetPort names. */
    record Backends(List<InetSocketAddress> ready, List<String> undeclared) {
    }

    /** The backends among {@code pods} (ready, not deleting) for {@code targetPort} (absent: the Pod's port). */
    static Backends of(List<ObjectNode> pods, Optional<IntOrString> targetPort) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        for (ObjectNode pod : pods) {
            if (!pod.path("metadata").path("deletionTimestamp").asText("").isEmpty() || !ready(pod)) {
                continue;
            }
            JsonNode port = pod.path("spec").path("containers").path(0).path("ports").path(0);
            String ip = pod.path("status").path("podIP").asText("");
            if (port.path("containerPort").asInt() <= 0 || ip.isEmpty()) {
                continue;
            }
            if (targetPort.map(target -> names(pod, port, target)).orElse(true)) {
                addresses.add(new InetSocketAddress(ip, port.path("containerPort").asInt()));
            } else {
                undeclared.add(pod.path("metadata").path("name").asText());
            }
        }
        return new Backends(addresses, undeclared);
    }

    /** Whether a selector selects anything: an empty one selects no Pods (Kubernetes' Services without selector). */
    static boolean selects(Map<String, String> selector) {
        return !selector.isEmpty();
    }

    /** Whether {@code target} names the Pod's port {@code port}. */
    private static boolean names(ObjectNode pod, JsonNode port, IntOrString target) {
        if (target.asString().isPresent()) {
            return target.asString().get().equals(port.path("name").asText());
        }
        String declared = pod.path("metadata").path("annotations").path(PodKind.DECLARED_PORT_ANNOTATION).asText("");
        return declared.isEmpty() || declared.equals(Integer.toString(target.asInt().orElseThrow()));
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
