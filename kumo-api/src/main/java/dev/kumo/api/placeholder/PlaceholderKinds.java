package dev.kumo.api.placeholder;

import dev.kumo.api.kinds.Admission;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.meta.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Kubernetes kinds in kubectl's default {@code apply --prune} allow-list, served so that kubectl finds them:
 * each lists and watches as an empty collection and refuses creates with a message naming what Kumo serves. A real
 * kind replaces its placeholder by being registered: {@link #missingFrom} only adds the types nobody defines.
 */
public final class PlaceholderKinds {

    /** kubectl 1.32's prune allow-list ({@code kubectl/pkg/cmd/apply/prune.go}), with Kubernetes' names. */
    static final List<ResourceType> PRUNE_ALLOW_LIST = List.of(
            core("ConfigMap", "configmaps", true, false, List.of("cm"), List.of()),
            core("Endpoints", "endpoints", true, false, List.of("ep"), List.of()),
            core("Namespace", "namespaces", false, true, List.of("ns"), List.of()),
            core("PersistentVolumeClaim", "persistentvolumeclaims", true, true, List.of("pvc"), List.of()),
            core("PersistentVolume", "persistentvolumes", false, true, List.of("pv"), List.of()),
            core("Pod", "pods", true, true, List.of("po"), List.of("all")),
            core("ReplicationController", "replicationcontrollers", true, true, List.of("rc"), List.of("all")),
            core("Secret", "secrets", true, false, List.of(), List.of()),
            core("Service", "services", true, true, List.of("svc"), List.of("all")),
            type("batch", "Job", "jobs", List.of(), List.of("all")),
            type("batch", "CronJob", "cronjobs", List.of("cj"), List.of("all")),
            type("networking.k8s.io", "Ingress", "ingresses", List.of("ing"), List.of()),
            type("apps", "DaemonSet", "daemonsets", List.of("ds"), List.of("all")),
            type("apps", "Deployment", "deployments", List.of("deploy"), List.of("all")),
            type("apps", "ReplicaSet", "replicasets", List.of("rs"), List.of("all")),
            type("apps", "StatefulSet", "statefulsets", List.of("sts"), List.of("all")));

    private PlaceholderKinds() {
    }

    /**
     * Placeholders for the allow-list types {@code served} does not define, each refusing writes with a message that
     * names the kinds {@code served} does.
     */
    public static List<KindDefinition> missingFrom(List<KindDefinition> served) {
        String servedKinds = served.stream().map(KindDefinition::type)
                .collect(Collectors.groupingBy(ResourceType::apiVersion, LinkedHashMap::new,
                        Collectors.mapping(ResourceType::kind, Collectors.joining(", "))))
                .entrySet().stream().map(e -> e.getValue() + " (" + e.getKey() + ")")
                .collect(Collectors.joining("; "));
        return PRUNE_ALLOW_LIST.stream().filter(type -> served.stream().noneMatch(d -> sameResource(d.type(), type)))
                .map(type -> new KindDefinition(type, new RefusingAdmission(refusal(type, servedKinds))))
                .toList();
    }

    /**
     * Whether {@code kind} refuses every write — a placeholder or the read-only CRDs: kinds served for kubectl's
     * sake that Kumo's own CLI leaves out of the kinds it offers.
     */
    public static boolean refusesWrites(KindDefinition kind) {
        return kind.admission() instanceof RefusingAdmission;
    }

    /** Admission refusing every write with {@code message} (405 MethodNotAllowed). */
    public static Admission refusing(String message) {
        return new RefusingAdmission(message);
    }

    /** The message a write of {@code type} gets. */
    static String refusal(ResourceType type, String servedKinds) {
        return "Kumo does not run " + type.kind() + " (" + type.apiVersion() + ") objects yet; it lists them, always "
                + "empty, only so that kubectl finds the kind. Kumo serves: " + servedKinds + ".";
    }

    private static boolean sameResource(ResourceType a, ResourceType b) {
        return a.group().equals(b.group()) && a.version().equals(b.version()) && a.plural().equals(b.plural());
    }

    private static ResourceType core(String kind, String plural, boolean namespaced, boolean hasStatus,
            List<String> shortNames, List<String> categories) {
        return new ResourceType("", "v1", kind, plural, kind.toLowerCase(), namespaced, hasStatus, shortNames,
                categories);
    }

    private static ResourceType type(String group, String kind, String plural, List<String> shortNames,
            List<String> categories) {
        return new ResourceType(group, "v1", kind, plural, kind.toLowerCase(), true, true, shortNames, categories);
    }
}
