package dev.kumo.controller.service.resources;

import static dev.kumo.controller.client.ServingLabels.LAST_APPLIED;
import static dev.kumo.controller.client.ServingLabels.SERVICE;
import static dev.kumo.controller.client.ServingLabels.SERVICE_UID;

import dev.kumo.api.serving.Service;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The labels and annotations a Service passes on to its Configuration and Route, as Knative does. */
final class Propagation {

    /** Knative keeps the rollout duration on the Route only. */
    static final String ROLLOUT_DURATION = "serving.knative.dev/rollout-duration";

    private Propagation() {
    }

    /** The Service's labels plus the service name and uid labels. */
    static Map<String, String> labels(Service service) {
        Map<String, String> labels = new TreeMap<>(service.metadata().labelsOrEmpty());
        labels.put(SERVICE, service.metadata().name());
        if (service.metadata().uid() != null) {
            labels.put(SERVICE_UID, service.metadata().uid());
        }
        return labels;
    }

    /** The Service's annotations without {@code excluded} ones. */
    static Map<String, String> annotations(Service service, Set<String> excluded) {
        Map<String, String> annotations = new TreeMap<>(service.metadata().annotationsOrEmpty());
        annotations.keySet().removeAll(excluded);
        annotations.remove(LAST_APPLIED);
        return annotations;
    }
}
