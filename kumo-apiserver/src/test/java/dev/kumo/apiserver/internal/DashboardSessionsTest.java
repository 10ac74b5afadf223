package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Login codes are spent once and expire; sessions expire and end at logout; under a manual clock. */
class DashboardSessionsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
    private final DashboardSessions sessions = new DashboardSessions(now::get);

    private void advance(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void aCodeOpensOneSessionOnce() {
        String code = sessions.issueCode();

        String session = sessions.redeem(code).orElseThrow();

        assertThat(sessions.valid(session)).isTrue();
        assertThat(sessions.redeem(code)).as("a used link").isEmpty();
        assertThat(sessions.valid(code)).as("a code is no session").isFalse();
    }

    @Test
    void aCodeExpiresAfterItsLifetime() {
        String late = sessions.issueCode();
        String onTime = sessions.issueCode();
        advance(DashboardSessions.LINK_LIFETIME.minusSeconds(1));
        assertThat(sessions.redeem(onTime)).isPresent();

        advance(Duration.ofSeconds(1));

        assertThat(sessions.redeem(late)).isEmpty();
    }

    @Test
    void unknownCodesAndSessionsAreRefused() {
        assertThat(sessions.redeem("guess")).isEmpty();
        assertThat(sessions.valid("guess")).isFalse();
    }

    @Test
    void aSessionExpiresAndEndsAtLogout() {
        String expiring = sessions.redeem(sessions.issueCode()).orElseThrow();
        String ended = sessions.redeem(sessions.issueCode()).orElseThrow();

        sessions.end(ended);
        assertThat(sessions.valid(ended)).isFalse();
        assertThat(sessions.valid(expiring)).isTrue();
        advance(DashboardSessions.SESSION_LIFETIME);
        assertThat(sessions.valid(expiring)).isFalse();
    }

    @Test
    void theOldestCodesGoFirstWhenTooManyWait() {
        String first = sessions.issueCode();
        for (int i = 0; i < 40; i++) {
            sessions.issueCode();
        }
        String last = sessions.issueCode();

        assertThat(sessions.redeem(first)).isEmpty();
        assertThat(sessions.redeem(last)).isPresent();
    }
}
