package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Termination;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The kubelet's image pull back-off as a Revision sees it, on a manual clock. */
class ImagePullBackOffTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final NamespacedName KEY = new NamespacedName("default", "hello-00001");
    private static final RevisionRef REVISION = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final String REGISTRY = "image 127.0.0.1:5000/hello:v1 is not in podman's local storage and "
            + "pulling it failed: reading manifest v1 in 127.0.0.1:5000/hello: manifest unknown";

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final ImagePullBackOff pulls = new ImagePullBackOff(now::get);

    @Test
    void aFailedPullIsErrImagePullThenImagePullBackOffUntilTheDelayHasPassedThenItIsReplaced() {
        Instance failed = pullFailed("a", "ErrImagePull: " + REGISTRY, T0);

        assertThat(decide(T0, failed)).isEqualTo(new ImagePullBackOff.Decision(List.of(),
                Optional.of(new InstanceState.Failed("ErrImagePull", REGISTRY))));
        assertThat(decide(T0.plusMillis(500), failed)).isEqualTo(new ImagePullBackOff.Decision(List.of(),
                Optional.of(new InstanceState.Failed("ImagePullBackOff", "Back-off 1s pulling image again after 1 "
                        + "failure: " + REGISTRY))));
        assertThat(decide(T0.plusSeconds(1), failed)).isEqualTo(new ImagePullBackOff.Decision(List.of(failed),
                Optional.empty()));
    }

    @Test
    void errImagePullIsDecidedByTheTimeNotByWhoAsksFirst() {
        Instance failed = pullFailed("a", "ErrImagePull: " + REGISTRY, T0);

        decide(T0.plusMillis(10), failed); // a scale at once, whose report nobody reads
        assertThat(decide(T0.plusMillis(20), failed).state()).as("the reconciler's look, after")
                .contains(new InstanceState.Failed("ErrImagePull", REGISTRY));
        assertThat(pulls.recheckAt(KEY)).as("when it turns into ImagePullBackOff")
                .contains(T0.plus(ImagePullBackOff.ERR_IMAGE_PULL_SHOWN));

        assertThat(decide(T0.plus(ImagePullBackOff.ERR_IMAGE_PULL_SHOWN), failed).state()).get()
                .extracting(state -> ((InstanceState.Failed) state).reason()).isEqualTo("ImagePullBackOff");
        assertThat(pulls.recheckAt(KEY)).as("when the back-off is over").contains(T0.plusSeconds(1));
    }

    @Test
    void theDelayDoublesWithEachFailureInARowUpToTheCapAndStartsAgainOnceReady() {
        Instant at = T0;
        for (int failure = 1; failure <= 7; failure++) {
            Instance failed = pullFailed("i" + failure, "ErrImagePull: " + REGISTRY, at);
            decide(at, failed);
            Duration delay = ImagePullBackOff.delay(failure);
            assertThat(decide(at.plus(delay).minusMillis(1), failed).state()).get()
                    .extracting(state -> ((InstanceState.Failed) state).reason()).isEqualTo("ImagePullBackOff");
            assertThat(decide(at.plus(delay), failed).replace()).containsExactly(failed);
            at = at.plus(delay);
        }
        assertThat(List.of(1, 2, 3, 6, 7).stream().map(ImagePullBackOff::delay).toList()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(30),
                Duration.ofSeconds(30));

        Instance ready = new Instance("up", REVISION, new dev.kumo.runtime.spi.InstanceState.Ready(
                InstanceAddress.loopback(8080), at, at), 0);
        assertThat(decide(at, ready)).isEqualTo(ImagePullBackOff.Decision.NONE);
        Instance again = pullFailed("later", "ErrImagePull: " + REGISTRY, at);
        decide(at, again);
        assertThat(decide(at.plusSeconds(1), again).replace()).as("one failure again: 1 s").containsExactly(again);
    }

    @Test
    void aSidecarsFailedPullNamesTheSidecarAndOtherFailuresAreNotPulls() {
        Instance sidecar = pullFailed("s", "sidecar helper: ErrImagePull: " + REGISTRY, T0);
        assertThat(decide(T0, sidecar).state()).contains(new InstanceState.Failed("ErrImagePull",
                "sidecar helper: " + REGISTRY));

        Instance never = pullFailed("n", "ErrImageNeverPull: container image \"x\" is not present", T0);
        Instance starting = new Instance("st", REVISION, new dev.kumo.runtime.spi.InstanceState.Starting(T0,
                Optional.empty()), 0);
        assertThat(pulls.decide(new NamespacedName("default", "other-00001"), List.of(never, starting)))
                .isEqualTo(ImagePullBackOff.Decision.NONE);
    }

    private ImagePullBackOff.Decision decide(Instant at, Instance... instances) {
        now.set(at);
        return pulls.decide(KEY, List.of(instances));
    }

    private static Instance pullFailed(String id, String reason, Instant at) {
        return new Instance(id, REVISION, new dev.kumo.runtime.spi.InstanceState.Failed(new Termination(reason,
                OptionalInt.empty(), List.of(), at)), 0);
    }
}
