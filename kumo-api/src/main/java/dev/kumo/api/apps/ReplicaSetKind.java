package dev.kumo.api.apps;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.List;

/**
 * The {@code apps/v1} ReplicaSet: a view of a Deployment's pod templates, written by the server (kumo-serving's
 * Deployment reconciler) straight to the store, never through admission. Clients may read, watch and delete them
 * (a deleted one is written again, its Pods replaced); a create or update is refused with 405 naming the Deployment.
 */
public final class ReplicaSetKind {

    private ReplicaSetKind() {
    }

    public static KindDefinition definition() {
        return new KindDefinition(ResourceTypes.REPLICA_SET, (incoming, existing, validation) -> {
            throw refused(existing.isPresent() ? "updated" : "created");
        }).withPrinting(new Printing(List.of(PrinterColumn.name("Name"),
                PrinterColumn.value("Desired", ".spec.replicas"),
                PrinterColumn.value("Current", ".status.replicas"),
                PrinterColumn.value("Ready", ".status.readyReplicas"),
                PrinterColumn.age("Age")), Printing.NAME_AND_AGE.kn()));
    }

    private static ApiException refused(String how) {
        return new ApiException(StatusReason.MethodNotAllowed, "replicasets cannot be " + how + " in Kumo: each "
                + "ReplicaSet shows one pod template of a Deployment; create or edit a Deployment (apps/v1) to run "
                + "replicas, and `kubectl rollout undo deployment/NAME` to go back to an older template",
                "replicasets", "", List.of());
    }
}
