package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.ContainerStatus;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.RevisionStatus;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.runtime.spi.ImageWorkload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The container runtime is given the image by the digest the Revision resolved, not its tag. */
class WorkloadDigestTest {

    private static final String TAG = "127.0.0.1:5000/hello:v1";
    private static final String DIGEST = "127.0.0.1:5000/hello@sha256:" + "d".repeat(64);

    private final WorkloadSpecs specs = new WorkloadSpecs(new EnvResolver((type, namespace, name) -> Optional.empty()));

    @Test
    void aResolvedRevisionRunsItsDigest() {
        Revision revision = revision().withStatus(RevisionStatus.builder()
                .containerStatuses(List.of(new ContainerStatus("user-container", DIGEST))).build());

        assertThat(((ImageWorkload) specs.of(revision, RuntimeName.CONTAINER)).image()).isEqualTo(DIGEST);
    }

    @Test
    void aTagKeptAsWrittenRunsTheTag() {
        Revision skipped = revision().withStatus(RevisionStatus.builder()
                .containerStatuses(List.of(new ContainerStatus("user-container", null))).build());

        assertThat(((ImageWorkload) specs.of(skipped, RuntimeName.CONTAINER)).image()).isEqualTo(TAG);
        assertThat(((ImageWorkload) specs.of(revision(), RuntimeName.CONTAINER)).image()).isEqualTo(TAG);
    }

    private static Revision revision() {
        return Revision.of(ObjectMeta.of("default", "hello-00001"), RevisionSpec.builder()
                .containers(List.of(Container.builder().name("user-container").image(TAG).build())).build());
    }
}
