package dev.kumo.build.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.build.spi.BuildStrategy;
import dev.kumo.build.spi.StrategyParameter;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Kumo's built-in strategies as Shipwright's ClusterBuildStrategy objects, so {@code kubectl get
 * clusterbuildstrategies} lists what a Build may name: one per strategy, with its description (annotation
 * {@code kumo.dev/description}), its parameters and no steps (Kumo's strategies are code, not step images). Written
 * straight to the store (the kind refuses clients' writes); those of strategies this Kumo no longer has are deleted.
 */
public final class StrategyObjects {

    static final String DESCRIPTION = "kumo.dev/description";
    static final String BUILT_IN = "kumo.dev/built-in";

    private StrategyObjects() {
    }

    /** Brings the store's ClusterBuildStrategies in line with {@code strategies}. */
    public static void publish(ResourceStore store, Strategies strategies) {
        for (String name : strategies.names()) {
            ObjectNode wanted = object(strategies.find(name).orElseThrow());
            Optional<ObjectNode> existing = store.get(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, "", name);
            if (existing.isEmpty()) {
                store.create(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, wanted);
            } else if (!existing.get().path("spec").equals(wanted.path("spec"))
                    || !existing.get().path("metadata").path("annotations").equals(wanted.path("metadata")
                            .path("annotations"))) {
                ObjectNode metadata = (ObjectNode) wanted.get("metadata");
                metadata.put("resourceVersion", existing.get().path("metadata").path("resourceVersion").asText());
                store.update(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, wanted);
            }
        }
        Set<String> names = Set.copyOf(strategies.names());
        Set<String> stale = store.list(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, ListOptions.ALL).items().stream()
                .map(object -> object.path("metadata").path("name").asText()).filter(n -> !names.contains(n))
                .collect(Collectors.toSet());
        stale.forEach(name -> store.delete(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, "", name, DeleteOptions.DEFAULT));
    }

    static ObjectNode object(BuildStrategy strategy) {
        ObjectNode object = Json.object().put("apiVersion", ShipwrightTypes.GROUP + "/v1beta1")
                .put("kind", "ClusterBuildStrategy");
        ObjectNode metadata = object.putObject("metadata").put("name", strategy.name());
        metadata.putObject("labels").put(BUILT_IN, "true");
        metadata.putObject("annotations").put(DESCRIPTION, strategy.description());
        ObjectNode spec = object.putObject("spec");
        spec.putArray("steps");
        ArrayNode parameters = spec.putArray("parameters");
        for (StrategyParameter parameter : strategy.parameters()) {
            // A default, even empty: Shipwright reads a parameter without one as required, and none of Kumo's is.
            parameters.addObject().put("name", parameter.name()).put("description", parameter.description())
                    .put("type", "string").put("default", parameter.defaultValue());
        }
        return object;
    }
}
