package dev.kumo.build.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.BuildRunSpec;
import dev.kumo.api.shipwright.BuildRunStatus;
import dev.kumo.api.shipwright.BuildSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static BuildRun run(String name, String succeeded, String completed) {
        BuildRunStatus status = succeeded == null ? null : new BuildRunStatus(List.of(Condition.of("Succeeded",
                succeeded)), null, null, completed, null, null);
        return BuildRun.of(ObjectMeta.of("default", name), BuildRunSpec.ofBuild("b")).withStatus(status);
    }

    private static final List<BuildRun> RUNS = List.of(
            run("ok-1", "True", "2026-01-01T00:00:01Z"), run("ok-3", "True", "2026-01-01T00:00:03Z"),
            run("ok-2", "True", "2026-01-01T00:00:02Z"), run("bad-1", "False", "2026-01-01T00:00:04Z"),
            run("bad-2", "False", "2026-01-01T00:00:05Z"), run("running", "Unknown", null), run("new", null, null));

    private static List<String> expired(Integer succeeded, Integer failed) {
        return Retention.expired(RUNS, new BuildSpec.BuildRetention(succeeded, failed)).stream()
                .map(r -> r.metadata().name()).toList();
    }

    @Test
    void keepsTheNewestSucceededAndFailedRunsUpToTheirLimits() {
        assertThat(expired(1, 1)).containsExactly("ok-2", "ok-1", "bad-1");
        assertThat(expired(2, null)).containsExactly("ok-1");
        assertThat(expired(null, 5)).isEmpty();
    }

    @Test
    void withoutRetentionOrForUnfinishedRunsNothingExpires() {
        assertThat(Retention.expired(RUNS, null)).isEmpty();
        assertThat(expired(1, 1)).doesNotContain("running", "new");
    }
}
