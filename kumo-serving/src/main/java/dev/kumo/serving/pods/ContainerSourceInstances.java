package dev.kumo.serving.pods;

import dev.kumo.runtime.spi.RevisionRef;
import java.util.Optional;

/**
 * How a ContainerSource's instances are told apart in the runtimes: their {@link RevisionRef} has the configuration
 * {@code containersource.sources.knative.dev/NAME} and the revision {@code NAME}, so their Pods are named as
 * Knative's ContainerSource Deployment's ({@code NAME-deployment-…}) and belong to the source.
 */
public final class ContainerSourceInstances {

    /** Knative's labels on a ContainerSource's Pods: the source's name, and the controller that made them. */
    public static final String NAME_LABEL = "sources.knative.dev/containerSource";
    static final String SOURCE_LABEL = "sources.knative.dev/source";
    static final String CONTROLLER = "container-source-controller";

    private static final String PREFIX = "containersource.sources.knative.dev/";

    private ContainerSourceInstances() {
    }

    /** The ref of the instances of ContainerSource {@code namespace/name}. */
    public static RevisionRef ref(String namespace, String name) {
        return new RevisionRef(namespace, Optional.empty(), PREFIX + name, name);
    }

    /** The ContainerSource {@code ref}'s instances run for, empty for a Revision's or Deployment's. */
    public static Optional<String> source(RevisionRef ref) {
        return ref.configuration().startsWith(PREFIX) ? Optional.of(ref.configuration().substring(PREFIX.length()))
                : Optional.empty();
    }
}
