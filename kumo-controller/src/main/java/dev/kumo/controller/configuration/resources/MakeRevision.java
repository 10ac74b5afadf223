package dev.kumo.controller.configuration.resources;

import static dev.kumo.controller.client.ServingLabels.CONFIGURATION;
import static dev.kumo.controller.client.ServingLabels.CONFIGURATION_GENERATION;
import static dev.kumo.controller.client.ServingLabels.CONFIGURATION_UID;
import static dev.kumo.controller.client.ServingLabels.SERVICE;
import static dev.kumo.controller.client.ServingLabels.SERVICE_UID;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.controller.client.Owners;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Revision a Configuration's current template stands for: the template's metadata and spec, labels naming the
 * Configuration, its generation and its Service, controlled by the Configuration. The Configuration's own labels
 * and annotations are not copied.
 */
public final class MakeRevision {

    private MakeRevision() {
    }

    public static Revision from(Configuration configuration) {
        RevisionTemplateSpec template = configuration.spec().template();
        ObjectMeta templateMeta = template.metadata() == null ? ObjectMeta.EMPTY : template.metadata();
        Map<String, String> labels = new TreeMap<>(templateMeta.labelsOrEmpty());
        ObjectMeta owner = configuration.metadata();
        labels.put(CONFIGURATION, owner.name());
        labels.put(CONFIGURATION_GENERATION, Long.toString(RevisionNames.generation(configuration)));
        if (owner.uid() != null) {
            labels.put(CONFIGURATION_UID, owner.uid());
        }
        copy(owner.labelsOrEmpty(), SERVICE, labels);
        copy(owner.labelsOrEmpty(), SERVICE_UID, labels);
        Map<String, String> annotations = templateMeta.annotationsOrEmpty().isEmpty() ? null
                : new TreeMap<>(templateMeta.annotationsOrEmpty());
        ObjectMeta metadata = ObjectMeta.builder().namespace(owner.namespace())
                .name(RevisionNames.forGeneration(configuration)).labels(labels).annotations(annotations)
                .ownerReferences(List.of(Owners.controllerRef(configuration))).build();
        return Revision.of(metadata, template.spec());
    }

    private static void copy(Map<String, String> from, String key, Map<String, String> to) {
        if (from.containsKey(key)) {
            to.put(key, from.get(key));
        }
    }
}
