package dev.kumo.autoscaler.metrics;

import java.util.Objects;

/** The identity of a Revision: its namespace and name. */
public record RevisionId(String namespace, String name) {

    public RevisionId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (namespace.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("revision namespace and name must not be empty, got \""
                    + namespace + "/" + name + "\"");
        }
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
