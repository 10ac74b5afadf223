package dev.kumo.api.core;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.List;

/**
 * The {@code v1} Pod: Kumo's view of each running instance, written by the server (kumo-serving's pod view) straight
 * to the store, never through admission. Clients may read, watch and delete Pods (a deleted Pod's instance is
 * stopped and its owner starts another) and read {@code pods/NAME/log}; a create or update is refused with 405
 * naming what to create instead.
 */
public final class PodKind {

    /** The annotation holding the id of the runtime instance a Pod shows. */
    public static final String INSTANCE_ANNOTATION = "kumo.dev/instance";
    /**
     * The annotation holding the port the Pod's template declares ({@code containerPort}), which the instance's own
     * port (the one its {@code ports} show) stands for: a Service's {@code targetPort} names the declared one.
     */
    public static final String DECLARED_PORT_ANNOTATION = "kumo.dev/container-port";

    private PodKind() {
    }

    public static KindDefinition definition() {
        return new KindDefinition(ResourceTypes.POD, (incoming, existing, validation) -> {
            throw refused(existing.isPresent() ? "updated" : "created");
        }).withPrinting(new Printing(List.of(PrinterColumn.name("Name"),
                PrinterColumn.rendered("Ready", ".status.containerStatuses", Cell.CONTAINERS_READY),
                PrinterColumn.rendered("Status", ".status", Cell.POD_STATUS),
                PrinterColumn.rendered("Restarts", ".status.containerStatuses", Cell.RESTARTS),
                PrinterColumn.age("Age"),
                PrinterColumn.value("IP", ".status.podIP").wide(),
                PrinterColumn.value("Node", ".spec.nodeName").wide()), Printing.NAME_AND_AGE.kn()))
                .withSubresources("log");
    }

    private static ApiException refused(String how) {
        return new ApiException(StatusReason.MethodNotAllowed, "pods cannot be " + how + " in Kumo: each Pod "
                + "shows one running instance of a Revision; create a Knative Service (serving.knative.dev/v1) to run "
                + "instances, and delete a Pod to have its instance replaced", "pods", "", List.of());
    }
}
