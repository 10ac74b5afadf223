package dev.kumo.serving.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.autoscaler.metrics.RevisionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each Revision's recent requests per second and cold starts, at a given time. */
class RecentActivityTest {

    private static final RevisionId HELLO = new RevisionId("default", "hello-00001");
    private static final RevisionId OTHER = new RevisionId("team", "other-00001");
    private static final Instant NOW = Instant.parse("2026-12-06T22:00:00Z");
    private static final long SECOND = NOW.getEpochSecond();

    private final RecentActivity activity = new RecentActivity();

    @BeforeEach
    void track() {
        activity.track(HELLO);
        activity.track(OTHER);
    }

    @Test
    void requestsPerSecondOldestFirstEndingTheSecondBeforeNowAndTheRateOfTheFiveBefore() {
        // 10 a second for the six seconds before now; the last one (still counting) is left out of the rate.
        for (long s = SECOND - 6; s < SECOND; s++) {
            activity.load(HELLO, s, 10);
        }
        activity.load(HELLO, SECOND - 1, 90);
        activity.load(HELLO, SECOND - 2, 5); // a second told twice (two router loops) adds up

        JsonNode item = activity.document(Optional.empty(), NOW).path("items").get(0);

        List<Long> requests = longs(item.path("requests"));
        assertThat(requests).hasSize(RecentActivity.WINDOW_SECONDS);
        assertThat(requests.subList(requests.size() - 7, requests.size())).containsExactly(0L, 10L, 10L, 10L, 10L,
                15L, 100L);
        assertThat(item.path("requestsPerSecond").asDouble()).isEqualTo((10 + 10 + 10 + 10 + 15) / 5.0);
    }

    @Test
    void secondsOutOfTheWindowAreGoneAndTheirSlotsReused() {
        activity.load(HELLO, SECOND - 1 - RecentActivity.WINDOW_SECONDS, 7); // the slot of SECOND - 1, too old
        activity.load(HELLO, SECOND - 3, 4);

        List<Long> requests = longs(activity.document(Optional.empty(), NOW).path("items").get(0).path("requests"));

        assertThat(requests.stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        activity.load(HELLO, SECOND - 1, 2);
        assertThat(longs(activity.document(Optional.empty(), NOW).path("items").get(0).path("requests")))
                .endsWith(4L, 0L, 2L);
    }

    @Test
    void coldStartsCountedTheLastKeptWithTheirSplitAndAnUnknownSplitLeftOut() {
        for (int i = 0; i < RecentActivity.KEPT_COLD_STARTS + 2; i++) {
            activity.coldStart(HELLO, new RecentActivity.ColdStart(NOW.minusSeconds(60 - i), Duration.ofMillis(300),
                    Optional.of(Duration.ofMillis(200))));
        }
        activity.coldStart(HELLO, new RecentActivity.ColdStart(NOW, Duration.ofMillis(40), Optional.of(
                Duration.ofMillis(55))));
        activity.coldStart(OTHER, new RecentActivity.ColdStart(NOW, Duration.ofMillis(80), Optional.empty()));

        JsonNode items = activity.document(Optional.empty(), NOW).path("items");

        JsonNode hello = items.get(0).path("coldStarts");
        assertThat(hello.path("count").asLong()).isEqualTo(RecentActivity.KEPT_COLD_STARTS + 3);
        assertThat(hello.path("recent")).hasSize(RecentActivity.KEPT_COLD_STARTS);
        JsonNode first = hello.path("recent").get(0);
        assertThat(first.path("at").asText()).isEqualTo(NOW.minusSeconds(57).toString());
        assertThat(first.path("seconds").asDouble()).isEqualTo(0.3);
        assertThat(first.path("workloadSeconds").asDouble()).isEqualTo(0.2);
        assertThat(first.path("platformSeconds").asDouble()).isEqualTo(0.1);
        JsonNode latest = hello.path("recent").get(RecentActivity.KEPT_COLD_STARTS - 1);
        assertThat(latest.path("platformSeconds").asDouble()).as("floored at zero").isEqualTo(0.0);
        JsonNode other = items.get(1).path("coldStarts").path("recent").get(0);
        assertThat(other.path("seconds").asDouble()).isEqualTo(0.08);
        assertThat(other.has("workloadSeconds") || other.has("platformSeconds")).isFalse();
    }

    @Test
    void aNamespaceShowsOnlyItsRevisionsSortedAndAForgottenOneIsGone() {
        activity.track(new RevisionId("default", "b-00001"));
        activity.load(OTHER, SECOND - 2, 1);
        activity.load(new RevisionId("default", "b-00001"), SECOND - 2, 1);
        activity.load(HELLO, SECOND - 2, 1);

        JsonNode own = activity.document(Optional.of("default"), NOW);

        assertThat(own.path("namespace").asText()).isEqualTo("default");
        assertThat(own.path("items").findValuesAsText("revision")).containsExactly("b-00001", "hello-00001");
        activity.forget(HELLO);
        assertThat(activity.document(Optional.empty(), NOW).path("items").findValuesAsText("revision"))
                .containsExactly("b-00001", "other-00001");
        assertThat(activity.document(Optional.empty(), NOW).path("kind").asText()).isEqualTo("RevisionActivity");
    }

    @Test
    void aSampleOrColdStartArrivingAfterTheRevisionWasForgottenDoesNotBringItBack() {
        activity.load(HELLO, SECOND - 2, 1);
        activity.forget(HELLO);
        activity.forget(OTHER);

        activity.load(HELLO, SECOND - 1, 3); // the router reports a second once it is over
        activity.coldStart(HELLO, new RecentActivity.ColdStart(NOW, Duration.ofMillis(40), Optional.empty()));

        assertThat(activity.document(Optional.empty(), NOW).path("items")).isEmpty();
    }

    @Test
    void aRevisionNeverTrackedIsNotKept() {
        activity.load(new RevisionId("default", "stray-00001"), SECOND - 1, 3);

        assertThat(activity.document(Optional.empty(), NOW).path("items").findValuesAsText("revision"))
                .containsExactly("hello-00001", "other-00001");
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        IntStream.range(0, array.size()).forEach(i -> values.add(array.get(i).asLong()));
        return values;
    }
}
