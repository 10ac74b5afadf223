package dev.kumo.api.meta;

/** A typed Kubernetes object: anything with apiVersion, kind and metadata. */
public interface HasMetadata {

    String apiVersion();

    String kind();

    ObjectMeta metadata();
}
