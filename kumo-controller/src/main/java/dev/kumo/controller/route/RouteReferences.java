package dev.kumo.controller.route;

import static dev.kumo.controller.client.ServingLabels.CONFIGURATION;
import static dev.kumo.controller.client.ServingLabels.SERVICE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.engine.KeyMapper;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Finds the Routes whose traffic names a changed Configuration or Revision, so they are reconciled again. */
final class RouteReferences {

    private RouteReferences() {
    }

    /** Routes with a target whose configurationName is the changed Configuration. */
    static KeyMapper toConfiguration(ResourceStore store) {
        return configuration -> routesWith(store, configuration,
                target -> name(configuration).equals(target.path("configurationName").asText()));
    }

    /** Routes that pin the changed Revision or follow its Configuration. */
    static KeyMapper toRevision(ResourceStore store) {
        return revision -> {
            String configuration = revision.path("metadata").path("labels").path(CONFIGURATION).asText("");
            return routesWith(store, revision, target -> name(revision).equals(target.path("revisionName").asText())
                    || (!configuration.isEmpty()
                            && configuration.equals(target.path("configurationName").asText())));
        };
    }

    /**
     * The Routes to look at again. A Configuration or Revision of a Service is routed by that Service's Route (same
     * name), so its label answers without reading anything: listing every Route on every change would make a
     * namespace with many Services quadratic. Objects outside a Service fall back to scanning the namespace's Routes.
     */
    private static List<NamespacedName> routesWith(ResourceStore store, ObjectNode changed,
            Predicate<JsonNode> references) {
        String namespace = changed.path("metadata").path("namespace").asText("");
        String service = changed.path("metadata").path("labels").path(SERVICE).asText("");
        if (!service.isEmpty()) {
            return List.of(new NamespacedName(namespace, service));
        }
        return store.list(ResourceTypes.ROUTE, ListOptions.in(namespace)).items().stream()
                .filter(route -> stream(route.path("spec").path("traffic")).anyMatch(references))
                .map(NamespacedName::of).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static String name(ObjectNode object) {
        return object.path("metadata").path("name").asText("");
    }
}
