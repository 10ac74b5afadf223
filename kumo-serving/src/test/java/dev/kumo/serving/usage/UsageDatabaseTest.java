package dev.kumo.serving.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger in {@code usage.db}: what is stored survives reopening; old minutes become hours, then expire. */
class UsageDatabaseTest {

    private static final UsageKey HELLO = new UsageKey("default", "hello", "hello-00001");
    private static final UsageKey OTHER = new UsageKey("team", "other", "other-00001");
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void whatWasStoredIsThereAfterReopeningAndAddsUp() throws Exception {
        Path file = dir.resolve(UsageDatabase.FILE);
        UsageLedger ledger = new UsageLedger(UsageLedger.Listener.NONE);
        ledger.add(HELLO, NOW, UsageCounts.requests(7));
        ledger.addRun(HELLO, NOW, NOW.plusSeconds(90), 0.5, 1);
        ledger.add(HELLO, NOW.plusSeconds(5), UsageCounts.coldStart());
        ledger.add(OTHER, NOW, UsageCounts.delivered(1));
        try (UsageDatabase db = UsageDatabase.open(file)) {
            db.add(ledger.drain());
        }
        ledger.add(HELLO, NOW.plusSeconds(70), UsageCounts.requests(3));
        try (UsageDatabase db = UsageDatabase.open(file)) {
            db.add(ledger.drain());
        }

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (UsageDatabase db = UsageDatabase.open(file)) {
            Map<UsageKey, UsageCounts> all = db.totals(Optional.empty(), NOW.minus(Duration.ofHours(1)));
            assertThat(all).containsOnlyKeys(HELLO, OTHER);
            UsageCounts hello = all.get(HELLO);
            assertThat(hello.requests()).isEqualTo(10);
            assertThat(hello.instanceSeconds()).isCloseTo(90, within(1e-9));
            assertThat(hello.memoryGibSeconds()).isCloseTo(45, within(1e-9));
            assertThat(hello.cpuSeconds()).isCloseTo(90, within(1e-9));
            assertThat(hello.coldStarts()).isEqualTo(1);
            assertThat(all.get(OTHER).eventsDelivered()).isEqualTo(1);
            assertThat(db.totals(Optional.of("team"), NOW)).containsOnlyKeys(OTHER);
            // Only the buckets from the period's start on: the minute after NOW holds 30 s and 3 requests.
            assertThat(db.totals(Optional.of("default"), NOW.plusSeconds(60)).get(HELLO).requests()).isEqualTo(3);
        }
    }

    @Test
    void aPeriodStartingInsideAnHourMergedFromMinutesCountsThatHour() {
        UsageLedger ledger = new UsageLedger(UsageLedger.Listener.NONE);
        Instant eightDaysAgo = NOW.minus(Duration.ofDays(8));
        ledger.add(HELLO, eightDaysAgo.plus(Duration.ofMinutes(5)), UsageCounts.requests(4));
        try (UsageDatabase db = UsageDatabase.open(dir.resolve(UsageDatabase.FILE))) {
            db.add(ledger.drain());
            db.compact(NOW);

            assertThat(db.totals(Optional.empty(), eightDaysAgo.plus(Duration.ofMinutes(30))).get(HELLO).requests())
                    .as("the hour row at 10:00 holds 10:05's requests").isEqualTo(4);
        }
    }

    @Test
    void minutesOlderThanADayBecomeHoursAndUsageOlderThan90DaysIsDeleted() {
        Instant twoDaysAgo = Instant.parse("2026-12-04T09:00:00Z");
        UsageLedger ledger = new UsageLedger(UsageLedger.Listener.NONE);
        for (int minute = 0; minute < 60; minute++) {
            ledger.add(HELLO, twoDaysAgo.plusSeconds(minute * 60L), UsageCounts.requests(1));
        }
        ledger.add(HELLO, NOW.minus(Duration.ofDays(91)), UsageCounts.requests(100));
        ledger.add(HELLO, NOW.minusSeconds(120), UsageCounts.requests(5));
        try (UsageDatabase db = UsageDatabase.open(dir.resolve(UsageDatabase.FILE))) {
            db.add(ledger.drain());
            assertThat(db.rows()).isEqualTo(62);

            db.compact(NOW);
            db.compact(NOW);

            assertThat(db.rows()).as("one hour of the day before yesterday and one recent minute").isEqualTo(2);
            assertThat(db.totals(Optional.empty(), NOW.minus(Duration.ofDays(90))).get(HELLO).requests())
                    .isEqualTo(65);
            assertThat(db.totals(Optional.empty(), NOW.minus(Duration.ofMinutes(5))).get(HELLO).requests())
                    .isEqualTo(5);
        }
    }
}
