package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.controller.engine.NamespacedName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Instance changes of a Revision waking from zero reach the reconciler once the first request is answered. */
class ColdStartQuietTest {

    private static final NamespacedName HELLO = new NamespacedName("default", "hello-00001");
    private static final NamespacedName OTHER = new NamespacedName("default", "other-00001");
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final ColdStartQuiet quiet = new ColdStartQuiet();

    @Test
    void aRevisionNotStartingFromZeroIsFollowedAtOnce() {
        quiet.coldStart(OTHER, T0);

        assertThat(quiet.heldUntil(HELLO, T0)).isEmpty();
    }

    @Test
    void aColdStartHoldsItsFollowUpsUntilShortlyAfterReady() {
        quiet.coldStart(HELLO, T0);
        assertThat(quiet.heldUntil(HELLO, T0.plusMillis(1))).as("starting").contains(T0.plus(ColdStartQuiet.MAX_HOLD));

        quiet.ready(HELLO, T0.plusMillis(20));

        Instant resume = T0.plusMillis(20).plus(ColdStartQuiet.AFTER_READY);
        assertThat(quiet.heldUntil(HELLO, T0.plusMillis(21))).as("ready, the request being answered").contains(resume);
        assertThat(quiet.heldUntil(HELLO, resume)).as("then followed").isEmpty();
        assertThat(quiet.heldUntil(HELLO, resume.minusMillis(1))).as("and the hold is over").isEmpty();
    }

    @Test
    void aSlowStartIsFollowedAfterTheLongestHoldAnyway() {
        quiet.coldStart(HELLO, T0);

        assertThat(quiet.heldUntil(HELLO, T0.plus(ColdStartQuiet.MAX_HOLD))).isEmpty();
        quiet.ready(HELLO, T0.plus(ColdStartQuiet.MAX_HOLD).plusMillis(1));
        assertThat(quiet.heldUntil(HELLO, T0.plus(ColdStartQuiet.MAX_HOLD).plusMillis(2))).as("no new hold").isEmpty();
    }

    @Test
    void aReadyNeverExtendsTheHoldAndASecondStartKeepsTheFirstsHold() {
        quiet.coldStart(HELLO, T0);
        quiet.coldStart(HELLO, T0.plusMillis(400));
        assertThat(quiet.heldUntil(HELLO, T0.plusMillis(401))).contains(T0.plus(ColdStartQuiet.MAX_HOLD));

        quiet.ready(HELLO, T0.plusMillis(490));

        assertThat(quiet.heldUntil(HELLO, T0.plusMillis(491))).contains(T0.plus(ColdStartQuiet.MAX_HOLD));
    }

    @Test
    void anExpiredHoldNobodyAskedAboutDoesNotSwallowTheNextColdStart() {
        quiet.coldStart(HELLO, T0);
        Instant later = T0.plus(ColdStartQuiet.MAX_HOLD).plusSeconds(60);

        quiet.coldStart(HELLO, later);

        assertThat(quiet.heldUntil(HELLO, later.plusMillis(1))).contains(later.plus(ColdStartQuiet.MAX_HOLD));
    }
}
