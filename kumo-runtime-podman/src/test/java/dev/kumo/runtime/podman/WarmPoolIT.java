package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.ImageWorkload;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm pool against real podman: a prepared Revision has a pod running with its container created; a start
 * runs in it (and so skips the pod) and the pool makes the next; a changed spec or a prepare of 0 removes the warm
 * pod; close leaves no pod. Bounded: a handful of starts, 60 s each at most.
 */
class WarmPoolIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** The states podman shows for a warm pod's workload container: created, initialised by the pool. */
    private static final List<String> WARM_STATES = List.of(" created", " initialized");
    private static final int STARTS = 5;

    @TempDir
    static Path stateDir;
    private static PodmanRuntime runtime;
    private static String key;

    @BeforeAll
    static void startRuntime() {
        TestPodman.assume();
        runtime = PodmanRuntime.start(PodmanRuntimeConfig.defaults(stateDir));
        key = runtime.dataDirKey();
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            runtime.close();
            assertThat(TestPodman.pods(PodLabels.DATA_DIR_KEY, key)).as("pods left after close").isEmpty();
            TestPodman.removeLabelled(PodLabels.DATA_DIR_KEY, key);
        }
    }

    @Test
    void aPreparedRevisionStartsInItsWarmPodAndThePoolRefills() {
        ImageWorkload spec = PodmanRuntimeIT.busybox("warm-00001").build();
        runtime.prepare(spec, 1);
        String warm = awaitWarm("warm-00001");
        assertThat(TestPodman.pods(WarmPool.ROLE, WarmPool.WARM)).contains(PodLabels.podName(key, warm));
        assertThat(TestPodman.running(PodLabels.INSTANCE, warm)).as("the workload container is not started").isEmpty();
        assertThat(TestPodman.containerStates(PodLabels.INSTANCE, warm)).as("initialised ahead: runc's create done")
                .anyMatch(line -> line.toLowerCase(Locale.ROOT).endsWith("-1 initialized"));

        List<Long> cold = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            cold.add(PodmanColdStartIT.timedStart(runtime, PodmanRuntimeIT.busybox("cold-00001").build())
                    .millis());
        }
        List<Long> warmStarts = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            String ready = awaitWarm("warm-00001");
            PodmanColdStartIT.TimedStart start = PodmanColdStartIT.timedStart(runtime, spec);
            assertThat(start.id()).as("the start ran in the warm pod").isEqualTo(ready);
            warmStarts.add(start.millis());
            used.add(ready);
        }
        assertThat(used).as("the pool made a new warm pod after each start").doesNotHaveDuplicates();
        awaitWarm("warm-00001");
        System.out.printf("podman runtime start -> first 200 (busybox httpd, %d each): cold p50 %d ms %s, warm p50 "
                + "%d ms %s; load average %.2f%n", STARTS, PodmanColdStartIT.p50(cold), cold,
                PodmanColdStartIT.p50(warmStarts), warmStarts,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Test
    void aChangedSpecReplacesTheWarmPodAndAPrepareOfZeroRemovesIt() {
        runtime.prepare(PodmanRuntimeIT.busybox("change-00001").env("V", "1").build(), 1);
        String first = awaitWarm("change-00001");
        runtime.prepare(PodmanRuntimeIT.busybox("change-00001").env("V", "2").build(), 1);
        await("the old warm pod removed, a new one made").atMost(SETTLE).until(() -> {
            List<String> warm = warmInstances("change-00001");
            return warm.size() == 1 && !warm.contains(first)
                    && TestPodman.pods(PodLabels.INSTANCE, first).isEmpty();
        });
        runtime.prepare(PodmanRuntimeIT.busybox("change-00001").env("V", "2").build(), 0);
        await("no warm pod after a prepare of 0").atMost(SETTLE)
                .until(() -> TestPodman.pods(PodLabels.REVISION, "change-00001").isEmpty());
    }

    @Test
    void aRevisionNotAskedForWithinTheIdleExpiryLosesItsWarmPod(@TempDir Path otherDir) {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        PodmanRuntime expiring = PodmanRuntime.start(PodmanRuntimeConfig.defaults(otherDir)
                .withClock(now::get).withWarmPool(new WarmPoolLimits(1, 16, Duration.ofMinutes(5))));
        try {
            expiring.prepare(PodmanRuntimeIT.busybox("idle-00001").build(), 1);
            await("a warm pod of idle-00001").atMost(SETTLE).until(() -> expiring.warmPodsReady() == 1);
            now.set(now.get().plus(Duration.ofMinutes(6)));
            expiring.prepare(PodmanRuntimeIT.busybox("other-00001").build(), 0); // any call checks the expiry
            await("the idle Revision's warm pod removed").atMost(SETTLE).until(() -> expiring.warmPodsReady() == 0
                    && TestPodman.pods(PodLabels.DATA_DIR_KEY, expiring.dataDirKey()).isEmpty());
        } finally {
            expiring.close();
            TestPodman.removeLabelled(PodLabels.DATA_DIR_KEY, expiring.dataDirKey());
        }
    }

    @Test
    void atTheTotalLimitTheRevisionAskedForLeastRecentlyGivesUpItsWarmPod(@TempDir Path otherDir) {
        PodmanRuntime capped = PodmanRuntime.start(PodmanRuntimeConfig.defaults(otherDir)
                .withWarmPool(new WarmPoolLimits(1, 2, Duration.ofMinutes(30))));
        try {
            capped.prepare(PodmanRuntimeIT.busybox("gone-00001").build(), 1); // as a deleted Revision, never again
            capped.prepare(PodmanRuntimeIT.busybox("kept-00001").build(), 1);
            await("two warm pods").atMost(SETTLE).until(() -> capped.warmPodsReady() == 2);
            capped.prepare(PodmanRuntimeIT.busybox("new-00001").build(), 1);
            await("the least recently asked Revision's warm pod made way for the new one").atMost(SETTLE)
                    .until(() -> capped.warmPodsReady() == 2 && TestPodman.pods(PodLabels.REVISION, "gone-00001")
                            .isEmpty() && TestPodman.pods(PodLabels.REVISION, "new-00001").size() == 1);
            assertThat(TestPodman.pods(PodLabels.REVISION, "kept-00001")).hasSize(1);
        } finally {
            capped.close();
            TestPodman.removeLabelled(PodLabels.DATA_DIR_KEY, capped.dataDirKey());
        }
    }

    /** Waits for one warm pod of the revision to be ready to take; its instance id. */
    private static String awaitWarm(String revision) {
        await("a warm pod of " + revision).atMost(SETTLE).until(() -> runtime.warmPodsReady() >= 1
                && warmInstances(revision).size() == 1);
        return warmInstances(revision).getFirst();
    }

    /** The instance ids of the revision's containers that are created (initialised) and not started: the warm ones. */
    private static List<String> warmInstances(String revision) {
        String prefix = "kumo-" + key + "-";
        return TestPodman.containerStates(PodLabels.REVISION, revision).stream()
                .filter(line -> line.startsWith(prefix) && WARM_STATES.stream()
                        .anyMatch(line.toLowerCase(Locale.ROOT)::endsWith))
                .map(line -> line.substring(prefix.length(), line.indexOf(' ')))
                .map(name -> name.substring(0, name.lastIndexOf('-')))
                .toList();
    }
}
