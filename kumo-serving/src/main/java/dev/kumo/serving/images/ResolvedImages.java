package dev.kumo.serving.images;

import dev.kumo.api.serving.ContainerStatus;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.pod.Container;
import java.util.List;
import java.util.Objects;

/** The image a Revision's container runs: the digest its status holds once resolved, else the image as written. */
public final class ResolvedImages {

    private ResolvedImages() {
    }

    /** {@code container} (one of {@code revision}'s) with its image by digest where the status has one. */
    public static Container container(Revision revision, Container container) {
        List<ContainerStatus> statuses = revision.status() == null ? null : revision.status().containerStatuses();
        if (statuses == null) {
            return container;
        }
        return statuses.stream().filter(status -> Objects.equals(status.name(), container.name())
                        && status.imageDigest() != null && !status.imageDigest().isEmpty())
                .findFirst().map(status -> container.toBuilder().image(status.imageDigest()).build())
                .orElse(container);
    }
}
