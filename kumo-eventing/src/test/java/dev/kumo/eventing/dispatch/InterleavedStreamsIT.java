package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.OneTriggerMesh;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.MeshConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Trigger whose broker shares the log with a busier one: the log numbers both brokers' events in one sequence, so
 * the Trigger's events have gaps between them. Its position moves over the gaps — before, its low-water mark stopped
 * at the first gap, and once the sequence ran a read-ahead past it the Trigger read nothing more (found by
 * bench-eventing: the Sequence and channel rows left accepted events undelivered).
 */
class InterleavedStreamsIT {

    private static final int EVENTS = 40;
    private static final int OTHERS_BETWEEN = 3;
    private static final int READ_AHEAD = 10;

    @TempDir
    Path dir;

    @Test
    void aTriggerReadsOnPastTheOtherStreamsEventsAndItsPositionFollows() throws Exception {
        Path database = dir.resolve("events.db");
        try (OneTriggerMesh fixture = OneTriggerMesh.start(MeshConfig.defaults(database).withInFlight(4,
                READ_AHEAD))) {
            fixture.mesh().upsertBroker(new BrokerSpec(new BrokerRef("default", "busy")));
            for (int i = 0; i < EVENTS; i++) {
                assertThat(fixture.ingress().postBinary(OneTriggerMesh.PATH, "e-" + i, "t").statusCode())
                        .isEqualTo(202);
                for (int j = 0; j < OTHERS_BETWEEN; j++) {
                    assertThat(fixture.ingress().postBinary("/default/busy", "o-" + i + "-" + j, "t").statusCode())
                            .isEqualTo(202);
                }
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.subscriber().received().size() == EVENTS);
            assertThat(fixture.subscriber().received()).extracting(received -> received.event().getId())
                    .doesNotHaveDuplicates().contains("e-0", "e-" + (EVENTS - 1));
        }
        // Closed: the position was saved. Its mark is at the broker's last event, with nothing listed above it.
        long lastOfBroker = (EVENTS - 1) * (OTHERS_BETWEEN + 1L) + 1;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
                ResultSet row = db.createStatement().executeQuery(
                        "SELECT low_water, finished_above FROM triggers WHERE trigger = 'default/all'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getLong(1)).isEqualTo(lastOfBroker);
            assertThat(row.getString(2)).isEmpty();
        }
    }
}
