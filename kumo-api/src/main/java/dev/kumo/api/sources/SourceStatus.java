package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/**
 * What a source's reconciler observed ({@code duckv1.SourceStatus}): conditions, the resolved sink and the event
 * types it sends. Two fields belong to one kind each: {@code namespaces} (ApiServerSource) and
 * {@code oidcTokenSecretName} (SinkBinding).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Map<String, String> annotations,
        String sinkUri,
        String sinkCACerts,
        String sinkAudience,
        List<CloudEventAttributes> ceAttributes,
        ObjectNode auth,
        List<String> namespaces,
        String oidcTokenSecretName) {

    public static final SourceStatus EMPTY = builder().build();

    public static SourceStatusBuilder builder() {
        return new SourceStatusBuilder();
    }

    /** A builder holding this status's fields. */
    public SourceStatusBuilder toBuilder() {
        return new SourceStatusBuilder().observedGeneration(observedGeneration).conditions(conditions)
                .annotations(annotations).sinkUri(sinkUri).sinkCACerts(sinkCACerts).sinkAudience(sinkAudience)
                .ceAttributes(ceAttributes).auth(auth).namespaces(namespaces)
                .oidcTokenSecretName(oidcTokenSecretName);
    }

    /** The type and source of the events a source sends. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CloudEventAttributes(String type, String source) {
    }

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public SourceStatus withConditions(long generation, List<Condition> value) {
        return toBuilder().observedGeneration(generation).conditions(value).build();
    }

    /** This status with the resolved sink URI. */
    public SourceStatus withSinkUri(String value) {
        return toBuilder().sinkUri(value).build();
    }
}
