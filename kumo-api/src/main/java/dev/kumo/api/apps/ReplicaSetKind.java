package dev.kumo.api.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.List;

/**
 * The {@code apps/v1} ReplicaSet: a view of a Deployment's pod templates, written by kumo-serving's Deployment
 * reconciler (nothing runs a ReplicaSet: the Deployment's instances are the one source of truth). Only a ReplicaSet
 * controlled by a Deployment is admitted; one of its own is refused with 405 naming the Deployment. Clients may
 * read, watch and delete them (a deleted one's Pods go with it and are replaced; the view is written again).
 */
public final class ReplicaSetKind {

    private ReplicaSetKind() {
    }

    public static KindDefinition definition() {
        return new KindDefinition(ResourceTypes.REPLICA_SET, (incoming, existing, validation) -> {
            if (!controlledByADeployment(incoming)) {
                throw refused(existing.isPresent() ? "updated" : "created");
            }
            return new Admitted(incoming, List.of());
        }).withPrinting(new Printing(List.of(PrinterColumn.name("Name"),
                PrinterColumn.value("Desired", ".spec.replicas"),
                PrinterColumn.value("Current", ".status.replicas"),
                PrinterColumn.value("Ready", ".status.readyReplicas"),
                PrinterColumn.age("Age")), Printing.NAME_AND_AGE.kn()));
    }

    private static boolean controlledByADeployment(ObjectNode replicaSet) {
        for (JsonNode owner : replicaSet.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false) && "Deployment".equals(owner.path("kind").asText())
                    && "apps/v1".equals(owner.path("apiVersion").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ApiException refused(String how) {
        return new ApiException(StatusReason.MethodNotAllowed, "a ReplicaSet of its own cannot be " + how + " in "
                + "Kumo: ReplicaSets show the pod templates of a Deployment, which controls them; create or edit a "
                + "Deployment (apps/v1) to run replicas, and `kubectl rollout undo deployment/NAME` to go back to an "
                + "older template", "replicasets", "", List.of());
    }
}
