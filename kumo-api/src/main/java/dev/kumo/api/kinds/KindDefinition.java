package dev.kumo.api.kinds;

import dev.kumo.api.meta.ResourceType;

/** A kind Kumo serves: its type descriptor and how objects of it are admitted. */
public record KindDefinition(ResourceType type, Admission admission) {
}
