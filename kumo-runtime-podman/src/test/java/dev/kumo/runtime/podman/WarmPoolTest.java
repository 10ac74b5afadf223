package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.PullSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.time.Duration;
import java.util.Map;
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

    private static ImageWorkload.Builder image() {
        return WorkloadSpec.image(REVISION, "dev.local/hello:1");
    }
}
