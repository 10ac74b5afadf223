package dev.kumo.controller.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.events.ObjectReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.StoreOptions;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class StoredEventsTest {

    private static final Logger LOG = LoggerFactory.getLogger(StoredEventsTest.class);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ResourceStore store = InMemoryStore.create(StoreOptions.DEFAULTS.withClock(clock));

    @AfterEach
    void close() {
        store.close();
    }

    private static ObjectReference revision(String name) {
        return EventRecorder.about(ResourceTypes.REVISION, ObjectMeta.of("default", name));
    }

    private List<ObjectNode> stored() {
        return store.list(ResourceTypes.EVENT, ListOptions.ALL).items();
    }

    private StoredEvents events(EventRetention retention) {
        return new StoredEvents(store, clock, retention, StoredEvents.Timing.DEFAULTS);
    }

    @Test
    void nothingIsWrittenUntilTheWriterFlushesAndABurstIsWrittenOnceWithItsCount() {
        StoredEvents events = events(EventRetention.DEFAULTS);
        EventRecorder kubelet = events.recorder("kubelet");
        kubelet.warning(revision("crashing-00001"), "BackOff", "Back-off restarting failed instance");
        clock.advance(Duration.ofSeconds(2));
        kubelet.warning(revision("crashing-00001"), "BackOff", "Back-off restarting failed instance");
        assertThat(stored()).isEmpty();

        events.flush();
        assertThat(stored()).singleElement().satisfies(event -> {
            assertThat(event.path("count").asInt()).isEqualTo(2);
            assertThat(event.path("type").asText()).isEqualTo("Warning");
            assertThat(event.path("firstTimestamp").asText()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(event.path("lastTimestamp").asText()).isEqualTo("2026-01-01T00:00:02Z");
            assertThat(event.path("series").path("count").asInt()).isEqualTo(2);
            assertThat(event.path("source").path("component").asText()).isEqualTo("kubelet");
            assertThat(event.path("involvedObject").path("name").asText()).isEqualTo("crashing-00001");
        });

        clock.advance(Duration.ofSeconds(4));
        kubelet.warning(revision("crashing-00001"), "BackOff", "Back-off restarting failed instance");
        events.flush();
        assertThat(stored()).singleElement().satisfies(event -> {
            assertThat(event.path("count").asInt()).isEqualTo(3);
            assertThat(event.path("lastTimestamp").asText()).isEqualTo("2026-01-01T00:00:06Z");
        });
    }

    @Test
    void theInvolvedObjectsUidIsFilledInFromTheStore() {
        ObjectNode revision = dev.kumo.api.codec.Json.object().put("apiVersion", "serving.knative.dev/v1")
                .put("kind", "Revision");
        revision.putObject("metadata").put("namespace", "default").put("name", "hello-00001");
        String uid = store.create(ResourceTypes.REVISION, revision).path("metadata").path("uid").asText();
        StoredEvents events = events(EventRetention.DEFAULTS);
        events.recorder("autoscaler").normal(revision("hello-00001"), "ScaledToZero", "Scaled to zero");
        events.flush();
        assertThat(stored()).singleElement().satisfies(event ->
                assertThat(event.path("involvedObject").path("uid").asText()).isEqualTo(uid).isNotEmpty());
    }

    @Test
    void boundedInNumberPerNamespaceOldestFirstAndInAgeByTheTtl() {
        StoredEvents events = events(new EventRetention(3, Duration.ofHours(1)));
        EventRecorder controller = events.recorder("controller");
        for (int i = 1; i <= 5; i++) {
            controller.normal(revision("r" + i), "Created", "Created Revision r" + i);
            clock.advance(Duration.ofMinutes(1));
        }
        events.flush();
        events.prune();
        assertThat(stored()).extracting(e -> e.path("involvedObject").path("name").asText())
                .containsExactlyInAnyOrder("r3", "r4", "r5");

        clock.advance(Duration.ofMinutes(57).plusSeconds(30)); // r3 was last seen 60.5 minutes ago, r4 59.5
        events.prune();
        assertThat(stored()).extracting(e -> e.path("involvedObject").path("name").asText())
                .containsExactlyInAnyOrder("r4", "r5");

        // A pruned series goes on as a new Event.
        controller.normal(revision("r3"), "Created", "Created Revision r3");
        events.flush();
        assertThat(stored()).extracting(e -> e.path("involvedObject").path("name").asText())
                .containsExactlyInAnyOrder("r3", "r4", "r5");
    }

    @Test
    void atMostMaxPendingWaitAndTheRestAreDroppedAndCounted() {
        StoredEvents events = events(EventRetention.DEFAULTS);
        EventRecorder recorder = events.recorder("controller");
        for (int i = 0; i < StoredEvents.MAX_PENDING + 5; i++) {
            recorder.normal(revision("r" + i), "Created", "Created");
        }
        assertThat(events.dropped()).isEqualTo(5);
        events.flush();
        assertThat(stored()).hasSize(StoredEvents.MAX_PENDING);
    }

    @Test
    void theWriterRunsInTheBackgroundAndFlushesWhatIsLeftWhenStopped() {
        StoredEvents events = new StoredEvents(store, clock, EventRetention.DEFAULTS,
                new StoredEvents.Timing(Duration.ofHours(1), Duration.ofHours(1)));
        events.start();
        events.recorder("controller").normal(revision("hello-00001"), "RevisionReady", "ready");
        events.stop();
        assertThat(stored()).hasSize(1);
    }

    @Test
    void recordingOnlyAggregatesOnTheCallersThreadAndTheWriterBuildsTheEvent() {
        StoredEvents events = events(EventRetention.DEFAULTS);
        EventRecorder kubelet = events.recorder("kubelet");
        ObjectReference about = revision("hello-00001");
        int warmUp = 5_000;
        int times = 20_000;
        for (int i = 0; i < warmUp; i++) {
            kubelet.normal(about, "Started", "Started instance hello-00001-1");
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long startNanos = System.nanoTime();
        for (int i = 0; i < times; i++) {
            kubelet.normal(about, "Started", "Started instance hello-00001-1");
        }
        long nanosPerRecord = (System.nanoTime() - startNanos) / times;
        long bytesPerRecord = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / times;
        LOG.info("record() on the caller's thread: {} ns and {} bytes per call", nanosPerRecord, bytesPerRecord);

        // Building the Event and its JSON tree allocates kilobytes; aggregating a series a few small objects.
        assertThat(bytesPerRecord).isLessThan(512);
        assertThat(stored()).isEmpty();
        events.flush();
        assertThat(stored()).singleElement().satisfies(event ->
                assertThat(event.path("count").asInt()).isEqualTo(warmUp + times));
    }

    @Test
    void eachWrittenChangeIsOneLogLineWithTheObjectInTheMdc() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory
                .getLogger(StoredEvents.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO); // the tests' logback config keeps INFO out
        try {
            StoredEvents events = events(EventRetention.DEFAULTS);
            EventRecorder kubelet = events.recorder("kubelet");
            kubelet.warning(revision("crashing-00001"), "BackOff", "Back-off restarting failed instance");
            kubelet.warning(revision("crashing-00001"), "BackOff", "Back-off restarting failed instance");
            kubelet.normal(revision("crashing-00001"), "Started", "Started instance crashing-00001-abcde");
            events.flush();
            events.flush(); // nothing new: nothing logged

            assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .containsExactly("revision default/crashing-00001: BackOff (x2): Back-off restarting failed "
                            + "instance", "revision default/crashing-00001: Started: Started instance "
                            + "crashing-00001-abcde");
            assertThat(lines.list.getFirst().getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(lines.list.getFirst().getMDCPropertyMap()).containsEntry("namespace", "default")
                    .containsEntry("name", "crashing-00001").containsEntry("kind", "Revision");
        } finally {
            logger.setLevel(before);
            logger.detachAppender(lines);
        }
    }
}
