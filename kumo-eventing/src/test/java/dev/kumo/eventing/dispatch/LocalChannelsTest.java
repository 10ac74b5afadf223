package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.log.EventLog;
import dev.kumo.eventing.log.Retention;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which URLs are the mesh's own known channels, and the ingress's checks on the direct path. */
class LocalChannelsTest {

    private static final int PORT = 8123;
    private static final ChannelRef SERVED = new ChannelRef("ns", "served");
    private static final ChannelRef STORED = new ChannelRef("ns", "stored");

    @TempDir
    Path dir;

    private final Set<BrokerRef> served = Set.of(SERVED.stream());

    @Test
    void onlyAServedChannelOrOneWhoseStreamTheLogHeldAtStartIsAppendedDirectly() throws Exception {
        try (EventLog log = open()) {
            log.append(STORED.stream(), event(1), Clock.systemUTC().instant()).get();
        }
        try (EventLog log = open()) {
            LocalChannels local = new LocalChannels(log, Clock.systemUTC(), "127.0.0.1", 1024, served::contains);
            local.listening(PORT);

            assertThat(local.streamOf(url("127.0.0.1", "served"))).contains(SERVED.stream());
            assertThat(local.streamOf(url("localhost", "served"))).contains(SERVED.stream());
            assertThat(local.streamOf(url("127.0.0.2", "served"))).as("another loopback literal").isPresent();
            assertThat(local.streamOf(url("127.0.0.1", "stored"))).as("after a restart").contains(STORED.stream());
            assertThat(local.streamOf(url("127.0.0.1", "typo"))).as("unknown: through the ingress").isEmpty();
            assertThat(local.streamOf(url("mesh.example", "served"))).as("a name, never looked up").isEmpty();

            local.forget(STORED);
            assertThat(local.streamOf(url("127.0.0.1", "stored"))).as("deleted").isEmpty();
        }
    }

    @Test
    void anEventLargerThanMaxEventBytesIsRefused413AsByTheIngress() throws Exception {
        try (EventLog log = open()) {
            LocalChannels local = new LocalChannels(log, Clock.systemUTC(), "127.0.0.1", 1024, served::contains);

            Outcome outcome = local.append(SERVED.stream(), event(1025)).toCompletionStage().toCompletableFuture()
                    .get();

            assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
                assertThat(failed.status()).isEqualTo(413);
                assertThat(failed.retryable()).isFalse();
            });
            assertThat(log.size()).isZero();
            assertThat(local.append(SERVED.stream(), event(1024)).toCompletionStage().toCompletableFuture().get())
                    .isInstanceOf(Outcome.Accepted.class);
        }
    }

    private EventLog open() {
        return EventLog.open(dir.resolve("events.db"), false, new Retention(Duration.ofMinutes(1), 100),
                Clock.systemUTC());
    }

    private static URI url(String host, String channel) {
        return URI.create("http://" + host + ":" + PORT + "/channels/ns/" + channel);
    }

    private static CloudEvent event(int dataBytes) {
        return CloudEventBuilder.v1().withId("e").withSource(URI.create("/t")).withType("t")
                .withData("application/octet-stream", new byte[dataBytes]).build();
    }
}
