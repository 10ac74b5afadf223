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

    /**
     * A copy of {@code container} (one of {@code revision}'s) with its image by digest where the status has one;
     * the copy is not {@code equals} to the original, so look containers up by the Revision's own.
     */
    public static Container container(Revision revision, Container container) {
        String image = image(revision, container);
        return Objects.equals(image, container.image()) ? container : container.toBuilder().image(image).build();
    }

    /** The image {@code container} (one of {@code revision}'s) runs: its digest once resolved, else as written. */
    public static String image(Revision revision, Container container) {
        List<ContainerStatus> statuses = revision.status() == null ? null : revision.status().containerStatuses();
        if (statuses == null) {
            return container.image();
        }
        return statuses.stream().filter(status -> Objects.equals(status.name(), container.name())
                        && status.imageDigest() != null && !status.imageDigest().isEmpty())
                .findFirst().map(ContainerStatus::imageDigest).orElse(container.image());
    }
}
