package dev.kumo.cli.revision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.serving.autoscaling.AnnotationKey;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Revision's scaling settings in effect: its {@code autoscaling.knative.dev/*} annotations and containerConcurrency
 * over Knative's defaults, resolved as the autoscaler resolves them (kumo-api's {@link RevisionAutoscaling}).
 */
public final class RevisionScale {

    private RevisionScale() {
    }

    /** The settings in effect for {@code revision}. */
    public static RevisionAutoscaling settings(JsonNode revision) {
        return RevisionAutoscaling.resolve(annotations(revision), containerConcurrency(revision),
                AutoscalerConfig.KNATIVE);
    }

    /** kn's bounds: {@code 1 ... 5}, or {@code 0 ... ∞} when there is no maximum. */
    public static String bounds(JsonNode revision) {
        RevisionAutoscaling settings = settings(revision);
        return settings.bounds().min() + " ... " + maximum(settings.bounds().max());
    }

    /** A maximum scale as kn writes it: the number, or {@code ∞} for 0 (no limit). */
    static String maximum(int maxScale) {
        return maxScale == 0 ? "∞" : Integer.toString(maxScale);
    }

    /** Whether {@code revision} sets {@code key} under any of its spellings. */
    static boolean annotated(JsonNode revision, AnnotationKey key) {
        return key.lookup(annotations(revision)).isPresent();
    }

    static int containerConcurrency(JsonNode revision) {
        return revision.path("spec").path("containerConcurrency").asInt(0);
    }

    static Map<String, String> annotations(JsonNode revision) {
        Map<String, String> annotations = new LinkedHashMap<>();
        revision.path("metadata").path("annotations").properties()
                .forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
        return annotations;
    }
}
