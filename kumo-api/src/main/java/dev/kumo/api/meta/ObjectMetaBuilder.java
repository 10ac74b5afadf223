package dev.kumo.api.meta;

import java.util.List;
import java.util.Map;

/** Builds a {@link ObjectMeta}; every field starts unset. */
public final class ObjectMetaBuilder {

    private String name;
    private String generateName;
    private String namespace;
    private String uid;
    private String resourceVersion;
    private Long generation;
    private String creationTimestamp;
    private String deletionTimestamp;
    private Long deletionGracePeriodSeconds;
    private Map<String, String> labels;
    private Map<String, String> annotations;
    private List<OwnerReference> ownerReferences;
    private List<String> finalizers;
    private List<Object> managedFields;
    private String selfLink;

    ObjectMetaBuilder() {
    }

    public ObjectMetaBuilder name(String value) { name = value; return this; }

    public ObjectMetaBuilder generateName(String value) { generateName = value; return this; }

    public ObjectMetaBuilder namespace(String value) { namespace = value; return this; }

    public ObjectMetaBuilder uid(String value) { uid = value; return this; }

    public ObjectMetaBuilder resourceVersion(String value) { resourceVersion = value; return this; }

    public ObjectMetaBuilder generation(Long value) { generation = value; return this; }

    public ObjectMetaBuilder creationTimestamp(String value) { creationTimestamp = value; return this; }

    public ObjectMetaBuilder deletionTimestamp(String value) { deletionTimestamp = value; return this; }

    public ObjectMetaBuilder deletionGracePeriodSeconds(Long value) { deletionGracePeriodSeconds = value; return this; }

    public ObjectMetaBuilder labels(Map<String, String> value) { labels = value; return this; }

    public ObjectMetaBuilder annotations(Map<String, String> value) { annotations = value; return this; }

    public ObjectMetaBuilder ownerReferences(List<OwnerReference> value) { ownerReferences = value; return this; }

    public ObjectMetaBuilder finalizers(List<String> value) { finalizers = value; return this; }

    public ObjectMetaBuilder managedFields(List<Object> value) { managedFields = value; return this; }

    public ObjectMetaBuilder selfLink(String value) { selfLink = value; return this; }

    public ObjectMeta build() {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers,
                managedFields, selfLink);
    }
}
