package dev.kumo.controller.route;

import static dev.kumo.controller.client.ServingLabels.CONFIGURATION;

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

    private static List<NamespacedName> routesWith(ResourceStore store, ObjectNode changed,
            Predicate<JsonNode> references) {
        String namespace = changed.path("metadata").path("namespace").asText("");
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
