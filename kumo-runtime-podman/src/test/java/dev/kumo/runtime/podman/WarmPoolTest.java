package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.PullSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which specs a warm pod can stand for, and when two specs make the same warm pod. */
class WarmPoolTest {

    private static final PullSpec ALWAYS = new PullSpec(PullSpec.Policy.ALWAYS, Map.of());
    private static final RevisionRef REVISION = RevisionRef.ofService("team", "hello", "hello-00002");

    @Test
    void equalSpecsHaveOneKeyAndAnythingPodmanIsAskedDifferentlyChangesIt() {
        assertThat(WarmPool.key(image().env("A", "1").build())).isEqualTo(WarmPool.key(image().env("A", "1").build()));
        assertThat(WarmPool.key(image().env("A", "2").build())).isNotEqualTo(WarmPool.key(image().env("A", "1")
                .build()));
        assertThat(WarmPool.key(image().args("-v").build())).isNotEqualTo(WarmPool.key(image().build()));
    }

    @Test
    void aSpecWhoseInstanceIsExactlyItsPodAndOneContainerIsEligible() {
        assertThat(WarmPool.eligible(image().build())).isTrue();
        assertThat(WarmPool.eligible(WorkloadSpec.image(REVISION, "registry.example/hello:1").pull(ALWAYS).build()))
                .as("imagePullPolicy Always pulls a registry's tag at every start").isFalse();
    }

    @Test
    void alwaysDoesNotPreventAWarmPodOfADigestOrOfALocalOnlyImage() {
        assertThat(WarmPool.eligible(WorkloadSpec.image(REVISION, "registry.example/hello@sha256:" + "a".repeat(64))
                .pull(ALWAYS).build())).as("a digest names fixed content: nothing to pull again").isTrue();
        assertThat(WarmPool.eligible(image().pull(ALWAYS).build()))
                .as("dev.local has no registry to pull from (a :latest sample is Always by default)").isTrue();
        assertThat(WarmPool.eligible(WorkloadSpec.image(REVISION, "dev.local/kumo-samples/helloworld").pull(ALWAYS)
                .build())).isTrue();
    }

    @Test
    void limitsRefuseNegativeCountsAndAZeroExpiry() {
        assertThat(WarmPoolLimits.DEFAULTS).isEqualTo(new WarmPoolLimits(1, 16, Duration.ofMinutes(30)));
        assertThatThrownBy(() -> new WarmPoolLimits(-1, 16, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perRevision -1");
        assertThatThrownBy(() -> new WarmPoolLimits(1, 16, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleExpiry");
    }

    @Test
    void revisionsAskedInTurnAtTheTotalDoNotTakeEachOthersPlaces() {
        RevisionRef first = RevisionRef.ofService("team", "a", "a-00001");
        RevisionRef second = RevisionRef.ofService("team", "b", "b-00001");
        withPool(1, (pool, ask) -> {
            ask.accept(first);
            assertThat(pool.pods(first)).isEqualTo(1);
            ask.accept(second);
            assertThat(pool.pods(second)).as("a first ask takes the place of one asked before").isEqualTo(1);
            assertThat(pool.pods(first)).isZero();
            for (int round = 0; round < 3; round++) {
                ask.accept(first);
                assertThat(pool.pods(second)).as("round %d: the other was asked since this one's last ask", round)
                        .isEqualTo(1);
                ask.accept(second);
                assertThat(pool.pods(second)).as("round %d: asked since the other's last ask, it keeps its pod", round)
                        .isEqualTo(1);
                assertThat(pool.pods(first)).isZero();
            }
        });
    }

    @Test
    void aRevisionNoLongerAskedForGivesWayToOneAskedAgain() {
        RevisionRef gone = RevisionRef.ofService("team", "gone", "gone-00001");
        RevisionRef asked = RevisionRef.ofService("team", "asked", "asked-00001");
        withPool(1, (pool, ask) -> {
            ask.accept(asked);
            ask.accept(gone);
            ask.accept(asked);
            assertThat(pool.pods(gone)).as("asked after the other's last ask: not yet").isEqualTo(1);
            ask.accept(asked);
            assertThat(pool.pods(gone)).as("not asked since the other's last ask").isZero();
            assertThat(pool.pods(asked)).isEqualTo(1);
        });
    }

    @Test
    void aRevisionAtItsWantedCountTakesNoPlace() {
        RevisionRef held = RevisionRef.ofService("team", "held", "held-00001");
        RevisionRef full = RevisionRef.ofService("team", "full", "full-00001");
        withPool(2, (pool, ask) -> {
            ask.accept(full);
            ask.accept(held);
            ask.accept(full);
            assertThat(pool.pods(held)).as("the asking Revision makes no pod, so none gives way").isEqualTo(1);
            assertThat(pool.pods(full)).isEqualTo(1);
        });
    }

    /**
     * A pool of {@code total} pods (one per Revision) on a manual clock whose podman never answers, so the pods
     * asked for stay being made, counted, until the test ends and podman's absence fails them.
     */
    private static void withPool(int total, PoolTest test) {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        CompletableFuture<PodmanClient> absent = new CompletableFuture<>();
        AtomicInteger ids = new AtomicInteger();
        PodmanRuntimeConfig config = PodmanRuntimeConfig.defaults(Path.of("unused")).withClock(now::get)
                .withWarmPool(new WarmPoolLimits(1, total, Duration.ofMinutes(30)));
        WarmPool pool = new WarmPool(config, () -> absent, "test", revision -> revision.revision() + "-"
                + ids.incrementAndGet(), () -> { });
        try {
            test.run(pool, revision -> {
                now.updateAndGet(at -> at.plus(Duration.ofSeconds(1)));
                pool.prepare(spec(revision), 1);
            });
        } finally {
            absent.completeExceptionally(new IllegalStateException("no podman in this test"));
            pool.close();
        }
    }

    /** A test of {@code pool}; {@code ask} prepares one warm pod of a Revision a second after the last ask. */
    private interface PoolTest {
        void run(WarmPool pool, Consumer<RevisionRef> ask);
    }

    private static ImageWorkload spec(RevisionRef revision) {
        return WorkloadSpec.image(revision, "dev.local/hello:1").build();
    }

    private static ImageWorkload.Builder image() {
        return WorkloadSpec.image(REVISION, "dev.local/hello:1");
    }
}
