package dev.kumo.eventing;

import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
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

/**
 * A mesh in a process of its own, for tests and benchmarks at the process level (kumo-eventing's {@code KillNineIT},
 * kumo-bench's eventing benchmark): {@code MeshMain DATABASE SUBSCRIBER_URL} serves broker {@code default/b} on a
 * free loopback port with one Trigger delivering everything to the subscriber (20 retries, exponential from 50 ms),
 * fsync on, prints {@code port N}, and runs until killed.
 */
public final class MeshMain {

    private MeshMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: MeshMain DATABASE SUBSCRIBER_URL (e.g. /tmp/events.db http://127.0.0.1:9000/)");
            System.exit(2);
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        EventMesh mesh = EventMesh.start(vertx, MeshConfig.defaults(Path.of(args[0])), Clock.systemUTC());
        mesh.upsertBroker(new BrokerSpec(new BrokerRef("default", "b")));
        mesh.upsertTrigger(new TriggerSpec(new TriggerRef("default", "all"), "b", event -> true,
                URI.create(args[1]), DeliverySpec.NONE.withRetry(20)
                        .withBackoff(BackoffPolicy.EXPONENTIAL, Duration.ofMillis(50))));
        System.out.println("port " + mesh.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
