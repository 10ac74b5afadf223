package dev.kumo.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/** Which revision an instance belongs to; the service is empty for a Configuration created on its own. */
public record RevisionRef(String namespace, Optional<String> service, String configuration, String revision) {

    public RevisionRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(revision, "revision");
    }

    /** A revision of a Service, whose Configuration has the Service's name. */
    public static RevisionRef ofService(String namespace, String service, String revision) {
        return new RevisionRef(namespace, Optional.of(service), service, revision);
    }

    @Override
    public String toString() {
        return namespace + "/" + revision;
    }
}
