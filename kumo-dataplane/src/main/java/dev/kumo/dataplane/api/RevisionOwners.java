package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.RevisionId;
import io.micrometer.core.instrument.Tags;

/**
 * The Knative Service and Configuration a Revision belongs to (its {@code serving.knative.dev/service} and
 * {@code serving.knative.dev/configuration} labels), for the {@code service} and {@code configuration} labels of its
 * meters; empty when it has none or is gone. One pair per Revision: the labels add no cardinality of their own.
 */
@FunctionalInterface
public interface RevisionOwners {

    /** Knows no owner: both labels empty. */
    RevisionOwners NONE = revision -> Owners.NONE;

    Owners of(RevisionId revision);

    /** The owners' names, {@code ""} where there is none. */
    record Owners(String service, String configuration) {

        public static final Owners NONE = new Owners("", "");
    }

    /** The tags every per-revision meter carries: namespace, revision, service, configuration. */
    static Tags tags(RevisionId revision, Owners owners) {
        return Tags.of("namespace", revision.namespace(), "revision", revision.name(), "service", owners.service(),
                "configuration", owners.configuration());
    }
}
