package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The pool's decisions, with stand-ins for launchers made at once and the time passed in. */
class LauncherPoolTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ProcessWorkload HELLO = WorkloadSpec.process(Workloads.HELLO).command("busybox", "httpd")
            .build();

    /** A stand-in launcher: usable until told otherwise, remembers being discarded. */
    private static final class Stand implements LauncherPool.Waiting {
        final ProcessWorkload spec;
        boolean usable = true;
        boolean discarded;

        Stand(ProcessWorkload spec) {
            this.spec = spec;
        }

        @Override
        public boolean usable() {
            return usable;
        }

        @Override
        public void discard() {
            discarded = true;
        }
    }

    private final List<Stand> made = new ArrayList<>();
    private final LauncherPool<Stand> pool = new LauncherPool<>(spec -> {
        Stand stand = new Stand(spec);
        made.add(stand);
        return stand;
    }, Runnable::run, Duration.ZERO);

    /** Where each Revision's last start was counted, for {@link #started}. */
    private final Map<RevisionRef, Object> countedIn = new HashMap<>();

    private Optional<Stand> take(ProcessWorkload spec, Instant now) {
        LauncherPool.Taken<Stand> taken = pool.take(spec, now);
        taken.slot().ifPresent(slot -> countedIn.put(spec.revision(), slot));
        return taken.launcher();
    }

    private void started(RevisionRef revision) {
        pool.started(revision, countedIn.get(revision));
    }

    @Test
    void aPreparedSpecIsTakenOnceAndTheNextIsMadeOnlyAfterThatStartIsPastStarting() {
        pool.prepare(HELLO, 1, T0);
        assertThat(made).hasSize(1);

        assertThat(take(HELLO, T0)).containsSame(made.getFirst());
        assertThat(pool.waiting()).as("one per Revision, taken").isZero();
        pool.prepare(HELLO, 1, T0);
        assertThat(made).as("none made while the instance that took it starts").hasSize(1);

        started(HELLO.revision());
        assertThat(made).hasSize(2);
        assertThat(pool.waiting()).isEqualTo(1);
    }

    @Test
    void aPreparedSpecIsMadeOnceHoweverOftenItIsAskedFor() {
        pool.prepare(HELLO, 1, T0);
        pool.prepare(HELLO, 1, T0.plusSeconds(1));
        pool.prepare(HELLO, 3, T0.plusSeconds(2));

        assertThat(made).hasSize(1);
    }

    @Test
    void anotherSpecOfTheRevisionReplacesTheWaitingLauncherAndIsNotTakenForTheOldOne() {
        ProcessWorkload changed = WorkloadSpec.process(Workloads.HELLO).command("busybox", "httpd", "-f").build();
        pool.prepare(HELLO, 1, T0);

        pool.prepare(changed, 1, T0);

        assertThat(made.getFirst().discarded).isTrue();
        assertThat(take(HELLO, T0)).isEmpty();
        assertThat(take(changed, T0)).containsSame(made.get(1));
    }

    @Test
    void zeroDiscardsTheRevisionsLauncher() {
        pool.prepare(HELLO, 1, T0);

        pool.prepare(HELLO, 0, T0);

        assertThat(made.getFirst().discarded).isTrue();
        assertThat(take(HELLO, T0)).isEmpty();
    }

    @Test
    void anUnusableLauncherIsDiscardedNotTakenAndTheNextIsMadeOnceThatStartIsPastStarting() {
        pool.prepare(HELLO, 1, T0);
        made.getFirst().usable = false; // its port was taken, or it was killed

        assertThat(take(HELLO, T0)).isEmpty();

        assertThat(made.getFirst().discarded).isTrue();
        pool.prepare(HELLO, 1, T0);
        assertThat(made).as("not while the instance starts the usual way").hasSize(1);
        started(HELLO.revision());
        assertThat(made).hasSize(2);
    }

    @Test
    void aStartOfAnotherSpecTakesNothingAndHoldsTheNextBackUntilItIsPastStarting() {
        ProcessWorkload withCache = WorkloadSpec.process(Workloads.HELLO).command("java", "-XX:AOTCache=x").build();
        pool.prepare(HELLO, 1, T0);
        assertThat(take(HELLO, T0)).isPresent();
        started(HELLO.revision());

        assertThat(take(withCache, T0)).isEmpty();

        assertThat(made.get(1).discarded).as("the waiting one stays for its own spec").isFalse();
        assertThat(take(HELLO, T0)).containsSame(made.get(1));
    }

    @Test
    void aLauncherNotAskedForWithinTheIdleExpiryGoes() {
        pool.prepare(HELLO, 1, T0);

        pool.expire(T0.plus(LauncherPool.IDLE_EXPIRY));
        assertThat(made.getFirst().discarded).as("not yet past the expiry").isFalse();
        pool.expire(T0.plus(LauncherPool.IDLE_EXPIRY).plus(Duration.ofMillis(1)));

        assertThat(made.getFirst().discarded).isTrue();
        assertThat(pool.waiting()).isZero();
    }

    @Test
    void atMostTotalLaunchersWaitInAll() {
        for (int i = 0; i < LauncherPool.TOTAL + 3; i++) {
            pool.prepare(WorkloadSpec.process(RevisionRef.ofService("default", "s" + i, "s" + i + "-00001"))
                    .command("busybox", "httpd").build(), 1, T0);
        }

        assertThat(made).hasSize(LauncherPool.TOTAL);
    }

    @Test
    void closeDiscardsEveryLauncherAndNothingIsMadeOrTakenAfter() {
        pool.prepare(HELLO, 1, T0);

        pool.close();
        pool.prepare(HELLO, 1, T0);

        assertThat(made).hasSize(1);
        assertThat(made.getFirst().discarded).isTrue();
        assertThat(take(HELLO, T0)).isEmpty();
    }

    @Test
    void aStartOfARevisionWithNoPlaceIsNotCountedAsStarting() {
        assertThat(pool.take(HELLO, T0).slot()).as("started before the Revision was prepared").isEmpty();

        pool.prepare(HELLO, 1, T0);

        assertThat(made).as("nothing holds the first launcher back").hasSize(1);
    }

    @Test
    void aStartCountedInAReplacedPlaceDoesNotLetTheNewPlacesNextLauncherBeMadeEarly() {
        ProcessWorkload changed = WorkloadSpec.process(Workloads.HELLO).command("busybox", "httpd", "-f").build();
        pool.prepare(HELLO, 1, T0);
        Object old = pool.take(HELLO, T0).slot().orElseThrow();
        pool.prepare(changed, 1, T0);
        assertThat(take(changed, T0)).containsSame(made.get(1));
        pool.prepare(changed, 1, T0);

        pool.started(HELLO.revision(), old);

        assertThat(made).as("the start counted in the new place is still starting").hasSize(2);
        started(HELLO.revision());
        assertThat(made).hasSize(3);
    }

    @Test
    void aLauncherStillBeingMadeIsNotWaitedForAndStaysForTheNextStart() {
        CompletableFuture<Void> release = new CompletableFuture<>();
        LauncherPool<Stand> slow = new LauncherPool<>(spec -> {
            Stand stand = new Stand(spec);
            made.add(stand);
            return stand;
        }, task -> release.thenRun(task), Duration.ZERO);
        slow.prepare(HELLO, 1, T0);

        LauncherPool.Taken<Stand> first = slow.take(HELLO, T0);
        assertThat(first.launcher()).as("not made yet: the start spawns as usual at once").isEmpty();
        assertThat(first.slot()).isPresent();
        release.complete(null);

        assertThat(made).hasSize(1);
        assertThat(made.getFirst().discarded).as("kept for the next start").isFalse();
        assertThat(slow.take(HELLO, T0).launcher()).containsSame(made.getFirst());
    }
}
