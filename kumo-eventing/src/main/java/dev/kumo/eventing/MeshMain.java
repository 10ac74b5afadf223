package dev.kumo.eventing;

import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.ChannelSubscriber;
import dev.kumo.eventing.api.DeliveryEngine;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A mesh in a process of its own, for tests and benchmarks at the process level (kumo-eventing's {@code KillNineIT},
 * kumo-bench's eventing benchmark): {@code MeshMain DATABASE SUBSCRIBER_URL} serves broker {@code default/b} on a
 * free loopback port with one Trigger delivering everything to the subscriber (20 retries, exponential from 50 ms),
 * and the same delivery through channels: channel {@code default/c} with one subscriber, and a three-step Sequence's
 * wiring — channels {@code default/s0..s2}, step i's subscriber {@code SUBSCRIBER_URL + "step"} (which replies), its
 * reply on to channel i+1, the last to the subscriber; fsync on, prints {@code port N}, and runs until killed.
 */
public final class MeshMain {

    private static final int SEQUENCE_STEPS = 3;

    private MeshMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: MeshMain DATABASE SUBSCRIBER_URL (e.g. /tmp/events.db http://127.0.0.1:9000/)");
            System.exit(2);
        }
        // The pools KumoServer gives the mesh (its Vert.x), so that what a benchmark measures here is what ships.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4)
                .setPreferNativeTransport(true));
        // -Dkumo.mesh.delivery-engine=netty|vertx (the bench: KUMO_BENCH_CHILD_JVM_OPTS): either client in one build.
        MeshConfig config = MeshConfig.defaults(Path.of(args[0]));
        String engine = System.getProperty("kumo.mesh.delivery-engine", config.deliveryEngine().name());
        EventMesh mesh = EventMesh.start(vertx,
                config.withDeliveryEngine(DeliveryEngine.valueOf(engine.toUpperCase(Locale.ROOT))), Clock.systemUTC());
        mesh.upsertBroker(new BrokerSpec(new BrokerRef("default", "b")));
        mesh.upsertTrigger(new TriggerSpec(new TriggerRef("default", "all"), "b", event -> true,
                URI.create(args[1]), DeliverySpec.NONE.withRetry(20)
                        .withBackoff(BackoffPolicy.EXPONENTIAL, Duration.ofMillis(50))));
        DeliverySpec delivery = DeliverySpec.NONE.withRetry(20).withBackoff(BackoffPolicy.EXPONENTIAL,
                Duration.ofMillis(50));
        URI subscriber = URI.create(args[1]);
        ChannelRef channel = new ChannelRef("default", "c");
        mesh.upsertChannel(channel);
        mesh.upsertSubscriber(channel, new ChannelSubscriber("all", Optional.of(subscriber), Optional.empty(),
                delivery));
        for (int i = 0; i < SEQUENCE_STEPS; i++) {
            ChannelRef step = new ChannelRef("default", "s" + i);
            URI next = i + 1 < SEQUENCE_STEPS
                    ? URI.create("http://127.0.0.1:" + mesh.port() + "/channels/default/s" + (i + 1)) : subscriber;
            mesh.upsertChannel(step);
            mesh.upsertSubscriber(step, new ChannelSubscriber("step", Optional.of(subscriber.resolve("step")),
                    Optional.of(next), delivery));
        }
        System.out.println("port " + mesh.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
