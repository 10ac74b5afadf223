package dev.kumo.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionOwners;
import dev.kumo.store.ResourceStore;

/**
 * A Revision's Service and Configuration read from its labels in the store when its meters are made (a Revision's
 * owners never change).
 */
record StoredRevisionOwners(ResourceStore store) implements RevisionOwners {

    static final String SERVICE = "serving.knative.dev/service";
    static final String CONFIGURATION = "serving.knative.dev/configuration";

    @Override
    public Owners of(RevisionId revision) {
        return store.get(ResourceTypes.REVISION, revision.namespace(), revision.name())
                .map(object -> object.path("metadata").path("labels"))
                .map(labels -> new Owners(text(labels, SERVICE), text(labels, CONFIGURATION)))
                .orElse(Owners.NONE);
    }

    private static String text(JsonNode labels, String key) {
        return labels.path(key).asText("");
    }
}
