package dev.kumo.runtime.podman;

import static dev.kumo.runtime.podman.PodRuntimeFixture.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.PullSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * imagePullPolicy through real podman. The busybox image is tagged as if it came from a registry on 127.0.0.1:1,
 * where nothing listens: a pull attempt fails at once with the registry's error, so running the tag proves no pull
 * was made.
 */
class ImagePullPolicyIT {

    private static final String UNIQUE = UUID.randomUUID().toString().substring(0, 8);
    private static final String ELSEWHERE = "127.0.0.1:1/kumo-it-pods/busybox:" + UNIQUE;
    /** Tag-less (Kubernetes' :latest, Always by default), as Knative's samples name their images. */
    private static final String ELSEWHERE_LATEST = "127.0.0.1:1/kumo-it-pods/busybox-" + UNIQUE;
    /** Always as Kubernetes' default for a tag-less image: no imagePullPolicy written. */
    private static final PullSpec DEFAULTED_ALWAYS = new PullSpec(PullSpec.Policy.ALWAYS, true, Map.of());

    @RegisterExtension
    static final PodRuntimeFixture pods = new PodRuntimeFixture();

    @BeforeAll
    static void start() {
        TestPodman.run(Optional.empty(), "tag", BusyboxImage.reference(), ELSEWHERE);
        TestPodman.run(Optional.empty(), "tag", BusyboxImage.reference(), ELSEWHERE_LATEST);
    }

    @AfterAll
    static void close() {
        TestPodman.run(Optional.empty(), "untag", BusyboxImage.reference(), ELSEWHERE);
        TestPodman.run(Optional.empty(), "untag", BusyboxImage.reference(), ELSEWHERE_LATEST + ":latest");
    }

    @Test
    void neverWithAMissingImageFailsNamingTheImage() {
        String missing = "dev.local/kumo-it-pods-missing:" + UNIQUE;
        String id = pods.runtime().start(image("never-00001", missing, PullSpec.Policy.NEVER)).id();

        InstanceState state = pods.awaitInstance(id, i -> i.state().terminal()).state();

        assertThat(((InstanceState.Failed) state).termination().reason())
                .contains("ErrImageNeverPull", "\"" + missing + "\"", "pull policy of Never");
        pods.runtime().stop(id).join();
    }

    @Test
    void ifNotPresentRunsALocalImageWithoutPulling() throws Exception {
        String id = pods.runtime().start(image("local-00001", ELSEWHERE, PullSpec.Policy.IF_NOT_PRESENT)).id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        pods.runtime().stop(id).join();
    }

    @Test
    void neverRunsALocalImage() throws Exception {
        String id = pods.runtime().start(image("kept-00001", ELSEWHERE, PullSpec.Policy.NEVER)).id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        pods.runtime().stop(id).join();
    }

    @Test
    void alwaysPullsEvenAPresentImageAndAFailedPullIsErrImagePullWithTheRegistrysMessage() {
        String id = pods.runtime().start(image("fresh-00001", ELSEWHERE, PullSpec.Policy.ALWAYS)).id();

        InstanceState state = pods.awaitInstance(id, i -> i.state().terminal()).state();

        assertThat(((InstanceState.Failed) state).termination().reason())
                .contains("ErrImagePull", ELSEWHERE, "imagePullPolicy is Always", "127.0.0.1:1");
        pods.runtime().stop(id).join();
    }

    @Test
    void aTagLessImageWhosePullFailsRunsTheLocalCopyAndSaysSo() throws Exception {
        String id = pods.runtime().start(image("offline-00001", ELSEWHERE_LATEST, DEFAULTED_ALWAYS)).id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        assertThat(pods.awaitInstance(id, i -> !i.images().isEmpty()).images()).singleElement().satisfies(pull -> {
            assertThat(pull.outcome()).isEqualTo(ImagePull.Outcome.PULL_FAILED_RAN_LOCAL);
            assertThat(pull.message()).contains("Failed to pull image \"" + ELSEWHERE_LATEST + "\"", "127.0.0.1:1",
                    "running the copy present on this machine");
        });
        pods.runtime().stop(id).join();
    }

    @Test
    void aChosenAlwaysNeverRunsTheLocalCopyOfATagLessImage() {
        String id = pods.runtime().start(image("chosen-00001", ELSEWHERE_LATEST, PullSpec.Policy.ALWAYS)).id();

        InstanceState state = pods.awaitInstance(id, i -> i.state().terminal()).state();

        assertThat(((InstanceState.Failed) state).termination().reason())
                .contains("ErrImagePull", ELSEWHERE_LATEST, "connection refused", "not run under a chosen");
        pods.runtime().stop(id).join();
    }

    @Test
    void ifNotPresentTellsTheImageWasAlreadyPresent() {
        String id = pods.runtime().start(image("present-00001", ELSEWHERE, PullSpec.Policy.IF_NOT_PRESENT)).id();

        assertThat(pods.awaitReady(id)).isNotNull();
        assertThat(pods.awaitInstance(id, i -> !i.images().isEmpty()).images()).singleElement()
                .satisfies(pull -> assertThat(pull.message()).isEqualTo("Container image \"" + ELSEWHERE
                        + "\" already present on machine"));
        pods.runtime().stop(id).join();
    }

    @Test
    void alwaysRunsAPresentImageOfALocalOnlyRegistry() throws Exception {
        String id = pods.runtime().start(image("devlocal-00001", BusyboxImage.reference(), PullSpec.Policy.ALWAYS))
                .id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        pods.runtime().stop(id).join();
    }

    private static ImageWorkload image(String revision, String image, PullSpec.Policy policy) {
        return image(revision, image, new PullSpec(policy, Map.of()));
    }

    private static ImageWorkload image(String revision, String image, PullSpec pull) {
        String service = revision.substring(0, revision.lastIndexOf('-'));
        return WorkloadSpec.image(RevisionRef.ofService("default", service, revision), image)
                .command("sh", "-c", HTTPD).pull(pull).build();
    }
}
