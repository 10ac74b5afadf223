package dev.kumo.controller.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.eventing.Trigger;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.controller.duck.ObjectRef;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Optional;

/**
 * The Trigger's {@code knative.dev/dependency} annotation (a JSON object reference to a source in its namespace):
 * DependencyReady follows that source's Ready, as Knative's trigger reconciler does.
 */
final class TriggerDependency {

    /** The kinds a dependency may name. */
    static final List<ResourceType> SOURCES = List.of(ResourceTypes.PING_SOURCE,
            ResourceTypes.API_SERVER_SOURCE, ResourceTypes.SINK_BINDING, ResourceTypes.CONTAINER_SOURCE);

    private final ResourceStore store;

    TriggerDependency(ResourceStore store) {
        this.store = store;
    }

    /** The object the annotation names, to track; empty without the annotation or when it does not parse. */
    static Optional<ObjectRef> reference(Trigger trigger) {
        return annotation(trigger).flatMap(TriggerDependency::parse).map(node -> ObjectRef.of(
                node.path("apiVersion").asText(""), node.path("kind").asText(""), trigger.metadata().namespace(),
                node.path("name").asText("")));
    }

    /** Sets DependencyReady from the annotation and the source it names. */
    void propagate(Trigger trigger, TriggerLifecycle status) {
        Optional<String> annotation = annotation(trigger);
        if (annotation.isEmpty()) {
            status.markDependencyReady();
            return;
        }
        Optional<ObjectRef> ref = reference(trigger);
        Optional<ResourceType> type = ref.flatMap(r -> SOURCES.stream().filter(r::is).findFirst());
        if (ref.isEmpty() || ref.get().name().isEmpty() || type.isEmpty()) {
            status.markDependencyFailed("ReferenceError", "annotation " + Trigger.DEPENDENCY_ANNOTATION + " is \""
                    + annotation.get() + "\": want a JSON reference to a source, e.g. {\"kind\":\"PingSource\","
                    + "\"name\":\"ping\",\"apiVersion\":\"sources.knative.dev/v1\"}");
            return;
        }
        Optional<ObjectNode> source = store.get(type.get(), ref.get().namespace(), ref.get().name());
        if (source.isEmpty()) {
            status.markDependencyFailed("DependencyDoesNotExist", "Dependency does not exist: " + ref.get().kind()
                    + " \"" + ref.get().name() + "\" not found");
            return;
        }
        JsonNode object = source.get();
        if (object.at("/metadata/generation").asLong() != object.at("/status/observedGeneration").asLong()) {
            status.markDependencyUnknown("GenerationNotEqual", "The dependency's metadata.generation is not equal "
                    + "to its status.observedGeneration.");
            return;
        }
        for (JsonNode condition : object.at("/status/conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                switch (condition.path("status").asText()) {
                    case "True" -> status.markDependencyReady();
                    case "False" -> status.markDependencyFailed(condition.path("reason").asText(""),
                            condition.path("message").asText(""));
                    default -> status.markDependencyUnknown(condition.path("reason").asText(""),
                            condition.path("message").asText(""));
                }
                return;
            }
        }
        status.markDependencyUnknown("DependencyNotReady", "The dependency has no Ready condition yet.");
    }

    private static Optional<String> annotation(Trigger trigger) {
        return Optional.ofNullable(trigger.metadata().annotationsOrEmpty().get(Trigger.DEPENDENCY_ANNOTATION));
    }

    private static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
