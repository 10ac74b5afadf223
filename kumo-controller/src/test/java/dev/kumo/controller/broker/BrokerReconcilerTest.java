package dev.kumo.controller.broker;

import static dev.kumo.controller.testing.EventingObjects.addressedService;
import static dev.kumo.controller.testing.EventingObjects.broker;
import static dev.kumo.controller.testing.EventingObjects.brokerClass;
import static dev.kumo.controller.testing.EventingObjects.brokerDelivery;
import static dev.kumo.controller.testing.EventingObjects.deadLetterTo;
import static dev.kumo.controller.testing.EventingObjects.ksvc;
import static dev.kumo.controller.testing.Objects.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.eventing.BrokerStatus;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.serving.Addressable;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.RecordingBrokerDataPlane;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BrokerReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "default");
    private static final String URL = "http://127.0.0.1:8081/default/default";
    private static final Condition NO_DLS = condition("DeadLetterSinkResolved", "True",
            "DeadLetterSinkNotConfigured", "No dead letter sink is configured.");

    record Row(String name, List<HasMetadata> objects, BrokerStatus wantStatus, Optional<Delivery> wantServed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        DeliverySpec toSink = deadLetterTo(Destination.of("http://127.0.0.1:9999/dead"));
        DeliverySpec toService = deadLetterTo(ksvc("dead"));
        return Stream.of(
                new Row("Kumo's class is served at the mesh's ingress URL",
                        List.of(broker("default")),
                        status(URL, null, List.of(condition("Addressable", "True"), NO_DLS,
                                condition("FilterReady", "True"), condition("IngressReady", "True"),
                                condition("Ready", "True"))),
                        Optional.of(Delivery.NONE)),
                new Row("MTChannelBasedBroker is served the same way",
                        List.of(broker("default", brokerClass("MTChannelBasedBroker"))),
                        status(URL, null, List.of(condition("Addressable", "True"), NO_DLS,
                                condition("FilterReady", "True"), condition("IngressReady", "True"),
                                condition("Ready", "True"))),
                        Optional.of(Delivery.NONE)),
                new Row("another class is not served, and Ready says so",
                        List.of(broker("default", brokerClass("Kafka"))),
                        status(null, null, List.of(condition("Addressable", "Unknown"),
                                condition("DeadLetterSinkResolved", "Unknown"), condition("FilterReady", "Unknown"),
                                notServed("IngressReady"), notServed("Ready"))),
                        Optional.empty()),
                new Row("a dead-letter uri is resolved and handed to the mesh with the delivery",
                        List.of(broker("default", brokerDelivery(toSink))),
                        status(URL, "http://127.0.0.1:9999/dead", List.of(condition("Addressable", "True"),
                                condition("DeadLetterSinkResolved", "True"), condition("FilterReady", "True"),
                                condition("IngressReady", "True"), condition("Ready", "True"))),
                        Optional.of(new Delivery(Optional.of(toSink),
                                Optional.of(URI.create("http://127.0.0.1:9999/dead"))))),
                new Row("a dead-letter Service is resolved to its address",
                        List.of(addressedService("dead", "http://dead.default.localhost:8080"),
                                broker("default", brokerDelivery(toService))),
                        status(URL, "http://dead.default.localhost:8080", List.of(condition("Addressable", "True"),
                                condition("DeadLetterSinkResolved", "True"), condition("FilterReady", "True"),
                                condition("IngressReady", "True"), condition("Ready", "True"))),
                        Optional.of(new Delivery(Optional.of(toService),
                                Optional.of(URI.create("http://dead.default.localhost:8080"))))),
                new Row("a dead-letter Service that does not exist keeps the Broker from being served",
                        List.of(broker("default", brokerDelivery(toService))),
                        status(null, null, List.of(condition("Addressable", "Unknown"),
                                dlsMissing("DeadLetterSinkResolved"), condition("FilterReady", "Unknown"),
                                condition("IngressReady", "Unknown"), dlsMissing("Ready"))),
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());
            RecordingBrokerDataPlane mesh = new RecordingBrokerDataPlane();

            Result result = BrokerController.reconciler(store, ManualClock.atEpoch(), mesh, new Tracker())
                    .reconcile(KEY);

            assertThat(result).isEqualTo(Result.done());
            assertThat(store.get(ResourceTypes.BROKER, "default", "default")
                    .map(b -> Normalized.status(b.get("status")))).contains(Normalized.status(row.wantStatus()));
            assertThat(mesh.served("default", "default")).isEqualTo(row.wantServed());
        }
    }

    @Test
    void aDeletedBrokerIsRemovedFromTheMesh() {
        try (ResourceStore store = InMemoryStore.create()) {
            RecordingBrokerDataPlane mesh = new RecordingBrokerDataPlane();
            mesh.upsert(KEY, Delivery.NONE);

            BrokerController.reconciler(store, ManualClock.atEpoch(), mesh, new Tracker()).reconcile(KEY);

            assertThat(mesh.served("default", "default")).isEmpty();
        }
    }

    private static Condition notServed(String type) {
        return condition(type, "False", "BrokerClassNotServed", "Broker class \"Kafka\" is not served by Kumo: use "
                + "KumoBroker (the default when the annotation is absent) or MTChannelBasedBroker");
    }

    private static Condition dlsMissing(String type) {
        return condition(type, "False", "DeadLetterSinkNotResolved", "spec.delivery.deadLetterSink: Service \"dead\" "
                + "(serving.knative.dev/v1) not found in namespace default");
    }

    private static BrokerStatus status(String url, String deadLetterSinkUri, List<Condition> conditions) {
        return new BrokerStatus(1L, conditions, null, url == null ? null : Addressable.of(url),
                url == null ? null : List.of(new Addressable("http", url, null, null)), deadLetterSinkUri, null, null);
    }
}
