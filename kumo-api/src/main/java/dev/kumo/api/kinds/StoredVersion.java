package dev.kumo.api.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;

/**
 * How a kind served in one version is kept in another kind's storage, as Kubernetes keeps {@code events.k8s.io/v1}
 * Events as core Events: the objects are the same, each read converts from the stored form and each write to it.
 */
public interface StoredVersion {

    /** The type whose storage holds the objects. */
    ResourceType stored();

    /** {@code served} (admitted, in the served version) in the stored version. */
    ObjectNode toStored(ObjectNode served);

    /** {@code stored} in the served version. */
    ObjectNode fromStored(ObjectNode stored);
}
