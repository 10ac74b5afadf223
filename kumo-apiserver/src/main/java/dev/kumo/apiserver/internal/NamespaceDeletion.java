package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import java.util.List;
import java.util.Set;

/**
 * kube-apiserver's limits on deleting namespaces: never as a collection (its namespace storage has no
 * DeleteCollection, so {@code kubectl delete namespaces --all} deletes them one by one), and never {@code default},
 * {@code kube-system} or {@code kube-public} (the NamespaceLifecycle admission plugin's immortal namespaces).
 */
final class NamespaceDeletion {

    private static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

    private NamespaceDeletion() {
    }

    /** Refuses {@code DELETE /api/v1/namespaces} with 405, as kube-apiserver does. */
    static void checkCollection(Target target) {
        if (target.type().equals(ResourceTypes.NAMESPACE)) {
            throw ApiHandler.methodNotAllowed("DELETE");
        }
    }

    /** Refuses deleting an immortal namespace with 403, naming it and what to do instead. */
    static void check(Target target) {
        if (target.type().equals(ResourceTypes.NAMESPACE) && IMMORTAL.contains(target.requireName())) {
            String name = target.requireName();
            throw new ApiException(StatusReason.Forbidden, "namespaces \"" + name + "\" is forbidden: this namespace "
                    + "may not be deleted; delete what is in it instead (e.g. kubectl delete ksvc --all -n " + name
                    + ")", "namespaces", name, List.of());
        }
    }
}
