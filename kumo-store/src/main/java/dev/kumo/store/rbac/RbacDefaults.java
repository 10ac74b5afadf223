package dev.kumo.store.rbac;

import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.rbac.BootstrapPolicy;
import dev.kumo.store.ResourceStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Stores the default ClusterRoles and ClusterRoleBindings ({@link BootstrapPolicy}) that are missing, as Kubernetes'
 * API server does at start; one a user changed or deleted-and-recreated is left as it is, except that a ClusterRole
 * still annotated {@code rbac.authorization.kubernetes.io/autoupdate: "true"} gets the default's labels it lacks
 * (as Kubernetes' reconciliation adds them), so an older data directory's {@code view} and {@code edit} join the
 * aggregation chain.
 */
public final class RbacDefaults {

    private RbacDefaults() {
    }

    /** Creates each default role and binding {@code store} lacks. */
    public static void ensure(ResourceStore store) {
        BootstrapPolicy.clusterRoles().forEach(role -> ensure(store, ResourceTypes.CLUSTER_ROLE, role));
        BootstrapPolicy.clusterRoleBindings().forEach(b -> ensure(store, ResourceTypes.CLUSTER_ROLE_BINDING, b));
    }

    private static void ensure(ResourceStore store, ResourceType type, HasMetadata object) {
        Optional<ObjectNode> stored = store.get(type, "", object.metadata().name());
        if (stored.isPresent()) {
            addMissingLabels(store, type, stored.get(), object);
            return;
        }
        try {
            store.create(type, Json.toTree(object));
        } catch (ApiException e) {
            if (e.reason() != StatusReason.AlreadyExists) {
                throw e;
            }
        }
    }

    private static void addMissingLabels(ResourceStore store, ResourceType type, ObjectNode stored,
            HasMetadata wanted) {
        Map<String, String> labels = wanted.metadata().labels() == null ? Map.of() : wanted.metadata().labels();
        if (!stored.at("/metadata/annotations").path(BootstrapPolicy.AUTOUPDATE).asText("").equals("true")
                || labels.keySet().stream().allMatch(stored.at("/metadata/labels")::has)) {
            return;
        }
        ObjectNode updated = stored.deepCopy();
        ObjectNode present = updated.withObjectProperty("metadata").withObjectProperty("labels");
        labels.forEach((key, value) -> {
            if (!present.has(key)) {
                present.put(key, value);
            }
        });
        store.update(type, updated);
    }
}
