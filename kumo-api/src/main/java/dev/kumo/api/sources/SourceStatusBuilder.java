package dev.kumo.api.sources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.sources.SourceStatus.CloudEventAttributes;
import java.util.List;
import java.util.Map;

/** Builds a {@link SourceStatus}; every field starts unset. */
public final class SourceStatusBuilder {

    private Long observedGeneration;
    private List<Condition> conditions;
    private Map<String, String> annotations;
    private String sinkUri;
    private String sinkCACerts;
    private String sinkAudience;
    private List<CloudEventAttributes> ceAttributes;
    private ObjectNode auth;
    private List<String> namespaces;
    private String oidcTokenSecretName;

    SourceStatusBuilder() {
    }

    public SourceStatusBuilder observedGeneration(Long value) { observedGeneration = value; return this; }

    public SourceStatusBuilder conditions(List<Condition> value) { conditions = value; return this; }

    public SourceStatusBuilder annotations(Map<String, String> value) { annotations = value; return this; }

    public SourceStatusBuilder sinkUri(String value) { sinkUri = value; return this; }

    public SourceStatusBuilder sinkCACerts(String value) { sinkCACerts = value; return this; }

    public SourceStatusBuilder sinkAudience(String value) { sinkAudience = value; return this; }

    public SourceStatusBuilder ceAttributes(List<CloudEventAttributes> value) { ceAttributes = value; return this; }

    public SourceStatusBuilder auth(ObjectNode value) { auth = value; return this; }

    public SourceStatusBuilder namespaces(List<String> value) { namespaces = value; return this; }

    public SourceStatusBuilder oidcTokenSecretName(String value) { oidcTokenSecretName = value; return this; }

    public SourceStatus build() {
        return new SourceStatus(observedGeneration, conditions, annotations, sinkUri, sinkCACerts, sinkAudience,
                ceAttributes, auth, namespaces, oidcTokenSecretName);
    }
}
