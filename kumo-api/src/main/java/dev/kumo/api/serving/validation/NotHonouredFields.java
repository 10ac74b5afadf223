package dev.kumo.api.serving.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.RuntimeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fields Knative accepts but the runtime that will run the Revision does not act on: they are stored as written,
 * and each one set produces a warning (sent as a Kubernetes {@code Warning:} header) saying which runtime ignores
 * it, so that nobody relies on them unknowingly. Some fields only the container runtime honours (it runs images in
 * pods); they warn only when the Revision runs, or may run, as a host process ({@link RuntimeName}).
 */
public final class NotHonouredFields {

    /** Neither runtime acts on the field. */
    static final String NOT_ENFORCED = ": kept but not enforced by Kumo (neither its process nor its container "
            + "runtime acts on it)";
    /** Only the container runtime acts on it, and the Revision runs as a process. */
    static final String IGNORED_AS_PROCESS = ": kept but not enforced: ignored by the process runtime, which runs "
            + "this Revision (the container runtime honours it for images)";
    /** Only the container runtime acts on it, and the server's default runtime decides (image and command). */
    static final String IGNORED_IF_PROCESS = ": kept but not enforced if this Revision runs as a process: it has an "
            + "image and a command, so the server's default-runtime decides (the container runtime honours it; "
            + RuntimeName.ANNOTATION + ": container makes sure)";

    /** Pod-level fields, in schema order; remove a name here once both runtimes honour it. */
    static final List<String> POD_FIELDS = List.of("volumes", "serviceAccountName", "imagePullSecrets",
            "enableServiceLinks", "automountServiceAccountToken", "affinity", "nodeSelector", "tolerations",
            "runtimeClassName", "topologySpreadConstraints", "hostAliases", "initContainers",
            "dnsPolicy", "dnsConfig", "hostIPC", "hostPID", "hostNetwork", "shareProcessNamespace",
            "priorityClassName", "schedulerName");
    /** Container-level fields (livenessProbe is run by both runtimes); remove a name once both honour it. */
    static final List<String> CONTAINER_FIELDS = List.of("startupProbe", "imagePullPolicy",
            "terminationMessagePath", "terminationMessagePolicy");
    /** The securityContext settings both runtimes honour (the user and group it runs as); the rest warn. */
    static final List<String> HONOURED_SECURITY = List.of("runAsUser", "runAsGroup", "runAsNonRoot");
    /** The limits both runtimes enforce (cgroup or rlimit, said in the Revision's status); the rest warn. */
    static final List<String> HONOURED_LIMITS = List.of("memory", "cpu");
    /** Environment sources that read the pod, which neither runtime resolves. */
    static final List<String> ENV_SOURCES = List.of("fieldRef", "resourceFieldRef");
    /** What the container runtime honours and the process runtime does not, of the fields above. */
    static final Set<String> CONTAINER_RUNTIME_ONLY = Set.of("volumes", "imagePullSecrets", "imagePullPolicy",
            "readOnlyRootFilesystem", "allowPrivilegeEscalation", "capabilities");

    /** Which runtime the Revision's serving container runs in, as far as admission can tell. */
    private enum Runs {
        PROCESS, CONTAINER, EITHER
    }

    private NotHonouredFields() {
    }

    /**
     * One warning per field set in {@code spec} (found at {@code path}) that the runtime chosen under
     * {@code annotations} (the Revision's, or its template's) keeps but does not enforce.
     */
    public static List<String> warnings(RevisionSpec spec, Map<String, String> annotations, String path) {
        if (spec == null) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        ObjectNode tree = Json.toTree(spec);
        Runs runs = runs(tree.path("containers"), annotations);
        present(tree, POD_FIELDS, path, runs, warnings);
        allBut(tree.path("securityContext"), HONOURED_SECURITY, path + ".securityContext", runs, warnings);
        JsonNode containers = tree.path("containers");
        for (int i = 0; i < containers.size(); i++) {
            String at = path + ".containers[" + i + "]";
            present(containers.get(i), CONTAINER_FIELDS, at, runs, warnings);
            JsonNode resources = containers.get(i).path("resources");
            allBut(resources.path("limits"), HONOURED_LIMITS, at + ".resources.limits", runs, warnings);
            present(resources, List.of("requests", "claims"), at + ".resources", runs, warnings);
            allBut(containers.get(i).path("securityContext"), HONOURED_SECURITY, at + ".securityContext", runs,
                    warnings);
            JsonNode env = containers.get(i).path("env");
            for (int e = 0; e < env.size(); e++) {
                present(env.get(e).path("valueFrom"), ENV_SOURCES, at + ".env[" + e + "].valueFrom", runs, warnings);
            }
        }
        return warnings;
    }

    /** kumo-serving's RuntimeChoice as admission sees it: the annotation, else the serving container's image. */
    private static Runs runs(JsonNode containers, Map<String, String> annotations) {
        Optional<RuntimeName> forced = Optional.ofNullable(annotations.get(RuntimeName.ANNOTATION))
                .flatMap(RuntimeName::parse);
        if (forced.isPresent()) {
            return forced.get() == RuntimeName.PROCESS ? Runs.PROCESS : Runs.CONTAINER;
        }
        JsonNode serving = containers.path(0);
        for (JsonNode container : containers) {
            if (!container.path("ports").isEmpty()) {
                serving = container;
                break;
            }
        }
        if (serving.path("image").asText("").isEmpty()) {
            return Runs.PROCESS;
        }
        return serving.path("command").isEmpty() ? Runs.CONTAINER : Runs.EITHER;
    }

    /** The warning's ending for {@code field} under {@code runs}, or none where that runtime honours it. */
    private static Optional<String> suffix(String field, Runs runs) {
        if (!CONTAINER_RUNTIME_ONLY.contains(field)) {
            return Optional.of(NOT_ENFORCED);
        }
        return switch (runs) {
            case CONTAINER -> Optional.empty();
            case PROCESS -> Optional.of(IGNORED_AS_PROCESS);
            case EITHER -> Optional.of(IGNORED_IF_PROCESS);
        };
    }

    private static void allBut(JsonNode node, List<String> honoured, String path, Runs runs, List<String> warnings) {
        node.fieldNames().forEachRemaining(field -> {
            if (!honoured.contains(field)) {
                suffix(field, runs).ifPresent(end -> warnings.add(path + "." + field + end));
            }
        });
    }

    private static void present(JsonNode node, List<String> fields, String path, Runs runs, List<String> warnings) {
        fields.stream().filter(node::has)
                .forEach(f -> suffix(f, runs).ifPresent(end -> warnings.add(path + "." + f + end)));
    }
}
