package dev.kumo.api.serving.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.RevisionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Fields Knative accepts but Kumo's process runtime does not act on yet: they are stored as written, and each one
 * set produces a warning (sent as a Kubernetes {@code Warning:} header) so that nobody relies on them unknowingly.
 */
public final class NotHonouredFields {

    static final String SUFFIX = ": kept but not enforced by Kumo's process runtime";

    /** Pod-level fields, in schema order; remove a name here once the runtime honours it. */
    static final List<String> POD_FIELDS = List.of("volumes", "serviceAccountName", "imagePullSecrets",
            "enableServiceLinks", "automountServiceAccountToken", "affinity", "nodeSelector", "tolerations",
            "runtimeClassName", "topologySpreadConstraints", "hostAliases", "initContainers",
            "dnsPolicy", "dnsConfig", "hostIPC", "hostPID", "hostNetwork", "shareProcessNamespace",
            "priorityClassName", "schedulerName");
    /** Container-level fields; remove a name here once the runtime honours it. */
    static final List<String> CONTAINER_FIELDS = List.of("livenessProbe", "startupProbe", "imagePullPolicy",
            "terminationMessagePath", "terminationMessagePolicy");
    /** The securityContext settings the process runtime honours (runs the process as that user); the rest warn. */
    static final List<String> HONOURED_SECURITY = List.of("runAsUser", "runAsGroup", "runAsNonRoot");
    /** The limits the process runtime enforces (cgroup or rlimit, said in the Revision's status); the rest warn. */
    static final List<String> HONOURED_LIMITS = List.of("memory", "cpu");
    /** Environment sources that read the pod, which a process has not got. */
    static final List<String> ENV_SOURCES = List.of("fieldRef", "resourceFieldRef");

    private NotHonouredFields() {
    }

    /** One warning per field set in {@code spec} (found at {@code path}) that Kumo keeps but does not enforce. */
    public static List<String> warnings(RevisionSpec spec, String path) {
        if (spec == null) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        ObjectNode tree = Json.toTree(spec);
        present(tree, POD_FIELDS, path, warnings);
        allBut(tree.path("securityContext"), HONOURED_SECURITY, path + ".securityContext", warnings);
        JsonNode containers = tree.path("containers");
        for (int i = 0; i < containers.size(); i++) {
            String at = path + ".containers[" + i + "]";
            present(containers.get(i), CONTAINER_FIELDS, at, warnings);
            JsonNode resources = containers.get(i).path("resources");
            allBut(resources.path("limits"), HONOURED_LIMITS, at + ".resources.limits", warnings);
            present(resources, List.of("requests", "claims"), at + ".resources", warnings);
            allBut(containers.get(i).path("securityContext"), HONOURED_SECURITY, at + ".securityContext", warnings);
            JsonNode env = containers.get(i).path("env");
            for (int e = 0; e < env.size(); e++) {
                present(env.get(e).path("valueFrom"), ENV_SOURCES, at + ".env[" + e + "].valueFrom", warnings);
            }
        }
        return warnings;
    }

    private static void allBut(JsonNode node, List<String> honoured, String path, List<String> warnings) {
        node.fieldNames().forEachRemaining(field -> {
            if (!honoured.contains(field)) {
                warnings.add(path + "." + field + SUFFIX);
            }
        });
    }

    private static void present(JsonNode node, List<String> fields, String path, List<String> warnings) {
        fields.stream().filter(node::has).forEach(f -> warnings.add(path + "." + f + SUFFIX));
    }
}
