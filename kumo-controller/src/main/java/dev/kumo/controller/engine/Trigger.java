package dev.kumo.controller.engine;

import dev.kumo.api.meta.ResourceType;

/** A kind whose changes enqueue keys of a controller, and how an object maps to those keys. */
public record Trigger(ResourceType type, KeyMapper mapper) {
}
