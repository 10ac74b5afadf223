package dev.kumo.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class WakeupTest {

    private static final InstantSource CLOCK = InstantSource.system();

    @Test
    void aSignalGivenBeforeTheWaitEndsItAtOnce() {
        Wakeup wakeup = new Wakeup();
        wakeup.signal();
        long before = System.nanoTime();

        wakeup.awaitUntil(Instant.MAX, CLOCK);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPastDeadlineDoesNotWait() {
        long before = System.nanoTime();

        new Wakeup().awaitUntil(CLOCK.instant().minusSeconds(1), CLOCK);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSignalFromAnotherThreadWakesTheWaiter() throws Exception {
        Wakeup wakeup = new Wakeup();
        Thread waiter = Thread.ofVirtual().start(() -> wakeup.awaitUntil(Instant.MAX, CLOCK));

        wakeup.signal();

        assertThat(waiter.join(Duration.ofSeconds(5))).isTrue();
    }
}
