package dev.kumo.api.printing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.format.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a printer column turns the nodes its JSONPath selects into text. {@link #VALUE} is what a CRD column does;
 * {@link #AGE} is a {@code type: date} column rendered on the server; the others are the few cells Kubernetes and kn
 * compute in code rather than select (a count, a condition summary, a reference written short).
 */
public enum Cell {
    /** The first selected value as text, empty when nothing is selected. */
    VALUE {
        String render(List<JsonNode> nodes, Instant now) {
            return nodes.isEmpty() ? "" : nodes.get(0).asText();
        }
    },
    /** The age of the selected RFC 3339 timestamp, {@code <unknown>} without one (apimachinery's HumanDuration). */
    AGE {
        String render(List<JsonNode> nodes, Instant now) {
            try {
                String text = nodes.isEmpty() ? "" : nodes.get(0).asText("");
                return text.isBlank() ? "<unknown>"
                        : HumanDuration.format(Duration.between(OffsetDateTime.parse(text).toInstant(), now));
            } catch (DateTimeParseException e) {
                return "<unknown>";
            }
        }
    },
    /** How many entries the selected maps or lists hold together (a ConfigMap's DATA). */
    COUNT {
        String render(List<JsonNode> nodes, Instant now) {
            return Integer.toString(nodes.stream().mapToInt(JsonNode::size).sum());
        }
    },
    /** {@code Terminating} when the selected deletion timestamp is set, else {@code Active} (a Namespace's STATUS). */
    LIFECYCLE {
        String render(List<JsonNode> nodes, Instant now) {
            return nodes.isEmpty() ? "Active" : "Terminating";
        }
    },
    /** kn's {@code 2 OK / 3}: how many of the selected conditions are True, of all. */
    CONDITIONS {
        String render(List<JsonNode> nodes, Instant now) {
            List<JsonNode> all = new ArrayList<>();
            nodes.forEach(list -> list.forEach(all::add));
            long ok = all.stream().filter(c -> "True".equals(c.path("status").asText())).count();
            return ok + " OK / " + all.size();
        }
    },
    /** kn's READY: the selected condition's status, {@code <unknown>} without one. */
    READY {
        String render(List<JsonNode> nodes, Instant now) {
            return nodes.isEmpty() ? "<unknown>" : nodes.get(0).path("status").asText("Unknown");
        }
    },
    /** kn's REASON: {@code reason : message} of the selected condition unless it is True. */
    REASON {
        String render(List<JsonNode> nodes, Instant now) {
            if (nodes.isEmpty()) {
                return "<unknown>";
            }
            JsonNode condition = nodes.get(0);
            if ("True".equals(condition.path("status").asText())) {
                return "";
            }
            String reason = condition.path("reason").asText("");
            String message = condition.path("message").asText("");
            return message.isEmpty() ? reason : reason + " : " + message;
        }
    },
    /** A Knative Destination as kn writes it: {@code ksvc:hello}, {@code broker:default}, the URI, or both. */
    DESTINATION {
        String render(List<JsonNode> nodes, Instant now) {
            return nodes.isEmpty() ? "" : References.destination(nodes.get(0));
        }
    },
    /** Object references as kn writes them ({@code Kind:apiVersion:name} or {@code …:selector}), comma-joined. */
    REFERENCE {
        String render(List<JsonNode> nodes, Instant now) {
            return String.join(",", nodes.stream().map(References::reference).toList());
        }
    },
    /** A Pod's READY: how many of the selected {@code containerStatuses} are ready, of all ({@code 1/1}). */
    CONTAINERS_READY {
        String render(List<JsonNode> nodes, Instant now) {
            List<JsonNode> all = new ArrayList<>();
            nodes.forEach(list -> list.forEach(all::add));
            return all.stream().filter(c -> c.path("ready").asBoolean()).count() + "/" + all.size();
        }
    },
    /** A Pod's RESTARTS: the selected {@code containerStatuses}' restart counts added up. */
    RESTARTS {
        String render(List<JsonNode> nodes, Instant now) {
            int sum = 0;
            for (JsonNode list : nodes) {
                for (JsonNode status : list) {
                    sum += status.path("restartCount").asInt();
                }
            }
            return Integer.toString(sum);
        }
    },
    /**
     * A Pod's STATUS as kubectl prints it from the selected {@code status}: a container's waiting or terminated
     * reason ({@code CrashLoopBackOff}, {@code OOMKilled}) before the phase.
     */
    POD_STATUS {
        String render(List<JsonNode> nodes, Instant now) {
            if (nodes.isEmpty()) {
                return "Unknown";
            }
            JsonNode status = nodes.get(0);
            for (JsonNode container : status.path("containerStatuses")) {
                String waiting = container.path("state").path("waiting").path("reason").asText("");
                String terminated = container.path("state").path("terminated").path("reason").asText("");
                if (!waiting.isEmpty() || !terminated.isEmpty()) {
                    return waiting.isEmpty() ? terminated : waiting;
                }
            }
            return status.path("phase").asText("Unknown");
        }
    },
    /** A Deployment's READY from the selected {@code spec} and {@code status}: ready of wanted replicas ({@code 2/3}). */
    REPLICAS_READY {
        String render(List<JsonNode> nodes, Instant now) {
            JsonNode spec = nodes.isEmpty() ? null : nodes.get(0);
            JsonNode status = nodes.size() < 2 ? null : nodes.get(1);
            return (status == null ? 0 : status.path("readyReplicas").asInt()) + "/"
                    + (spec == null ? 0 : spec.path("replicas").asInt());
        }
    },
    /** A Service's PORT(S) from the selected {@code ports}, as kubectl writes them: {@code 80/TCP,443/TCP}. */
    SERVICE_PORTS {
        String render(List<JsonNode> nodes, Instant now) {
            List<String> ports = new ArrayList<>();
            nodes.forEach(list -> list.forEach(p -> ports.add(p.path("port").asText() + "/"
                    + p.path("protocol").asText("TCP"))));
            return ports.isEmpty() ? "<none>" : String.join(",", ports);
        }
    },
    /** The selected {@code loadBalancer.ingress} entries as {@code IP:PORT}, comma-joined; {@code <none>} without. */
    ADDRESSES {
        String render(List<JsonNode> nodes, Instant now) {
            List<String> addresses = new ArrayList<>();
            nodes.forEach(list -> list.forEach(ingress -> ingress.path("ports").forEach(p -> addresses.add(
                    ingress.path("ip").asText() + ":" + p.path("port").asText()))));
            return addresses.isEmpty() ? "<none>" : String.join(",", addresses);
        }
    },
    /** Every selected value as text, comma-joined (a RoleBinding's USERS and GROUPS). */
    JOINED {
        String render(List<JsonNode> nodes, Instant now) {
            return String.join(",", nodes.stream().map(JsonNode::asText).toList());
        }
    },
    /** A binding's {@code roleRef} as kubectl writes it: {@code Role/NAME} or {@code ClusterRole/NAME}. */
    ROLE_REF {
        String render(List<JsonNode> nodes, Instant now) {
            return nodes.isEmpty() ? "" : nodes.get(0).path("kind").asText() + "/" + nodes.get(0).path("name").asText();
        }
    },
    /** The selected ServiceAccount subjects as kubectl writes them: {@code NAMESPACE/NAME}, comma-joined. */
    NAMESPACED_NAMES {
        String render(List<JsonNode> nodes, Instant now) {
            return String.join(",", nodes.stream()
                    .map(n -> n.path("namespace").asText("") + "/" + n.path("name").asText()).toList());
        }
    },
    /** An Event's OBJECT: the selected reference as {@code kind/name}, the kind in lower case (kubectl's). */
    OBJECT {
        String render(List<JsonNode> nodes, Instant now) {
            return nodes.isEmpty() ? "" : nodes.get(0).path("kind").asText("").toLowerCase(java.util.Locale.ROOT)
                    + "/" + nodes.get(0).path("name").asText("");
        }
    },
    /** A container's image, or its command line when it runs as a process without one. */
    IMAGE_OR_COMMAND {
        String render(List<JsonNode> nodes, Instant now) {
            return nodes.isEmpty() ? "" : nodes.get(0).path("image").asText(References.commandLine(nodes.get(0)));
        }
    };

    abstract String render(List<JsonNode> nodes, Instant now);
}
