package dev.kumo.controller.trigger;

import static dev.kumo.controller.testing.EventingObjects.addressedService;
import static dev.kumo.controller.testing.EventingObjects.broker;
import static dev.kumo.controller.testing.EventingObjects.brokerDelivery;
import static dev.kumo.controller.testing.EventingObjects.brokerStatus;
import static dev.kumo.controller.testing.EventingObjects.cesql;
import static dev.kumo.controller.testing.EventingObjects.deadLetterTo;
import static dev.kumo.controller.testing.EventingObjects.filters;
import static dev.kumo.controller.testing.EventingObjects.ksvc;
import static dev.kumo.controller.testing.EventingObjects.trigger;
import static dev.kumo.controller.testing.EventingObjects.triggerDelivery;
import static dev.kumo.controller.testing.Objects.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.eventing.DeliveryOrder;
import dev.kumo.api.eventing.Trigger;
import dev.kumo.api.eventing.TriggerStatus;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.RecordingTriggerDataPlane;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriggerReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "t");
    private static final Destination SUBSCRIBER = Destination.of("http://127.0.0.1:9000/");
    private static final Condition READY = condition("Ready", "True");
    private static final Condition NO_DLS = condition("DeadLetterSinkResolved", "True",
            "DeadLetterSinkNotConfigured", "No dead letter sink is configured.");
    private static final HasMetadata READY_BROKER = broker("default", brokerStatus(null, READY));

    /** A row: objects, then the status wanted, and the subscriber and delivery the mesh should route to. */
    record Row(String name, List<HasMetadata> objects, TriggerStatus wantStatus, Optional<URI> wantSubscriber,
            Optional<Delivery> wantDelivery, Optional<String> dispatchProblem) {
        Row(String name, List<HasMetadata> objects, TriggerStatus wantStatus, Optional<URI> wantSubscriber,
                Optional<Delivery> wantDelivery) {
            this(name, objects, wantStatus, wantSubscriber, wantDelivery, Optional.empty());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        DeliverySpec ownDelivery = deadLetterTo(Destination.of("http://127.0.0.1:9999/dead"));
        return Stream.of(
                new Row("a missing broker makes the trigger not ready with Knative's reason",
                        List.of(trigger("t", "nope", SUBSCRIBER)),
                        status(null, null, List.of(noBroker("BrokerReady"), unknown("DeadLetterSinkResolved"),
                                unknown("DependencyReady"), noBroker("Ready"), unknown("SubscriberResolved"),
                                unknown("SubscriptionReady"))),
                        Optional.empty(), Optional.empty()),
                new Row("a broker not reconciled yet leaves BrokerReady unknown",
                        List.of(broker("default"), trigger("t", "default", SUBSCRIBER)),
                        status(null, null, withReady(condition("BrokerReady", "Unknown", "BrokerNotConfigured",
                                "Broker has not yet been reconciled."), unknown("DeadLetterSinkResolved"),
                                unknown("DependencyReady"), unknown("SubscriberResolved"),
                                unknown("SubscriptionReady"))),
                        Optional.empty(), Optional.empty()),
                new Row("a broker that is not ready passes its reason on",
                        List.of(broker("default", brokerStatus(null, condition("Ready", "False",
                                "BrokerClassNotServed", "not served"))), trigger("t", "default", SUBSCRIBER)),
                        status(null, null, withReady(condition("BrokerReady", "False", "BrokerClassNotServed",
                                "not served"), unknown("DeadLetterSinkResolved"), unknown("DependencyReady"),
                                unknown("SubscriberResolved"), unknown("SubscriptionReady"))),
                        Optional.empty(), Optional.empty()),
                new Row("a uri subscriber under a ready broker is routed with the broker's delivery",
                        List.of(READY_BROKER, trigger("t", "default", SUBSCRIBER)),
                        status("http://127.0.0.1:9000/", null, allTrue(NO_DLS)),
                        Optional.of(URI.create("http://127.0.0.1:9000/")), Optional.of(Delivery.NONE)),
                new Row("a Service subscriber resolves to its address, plus the path beside it",
                        List.of(READY_BROKER, addressedService("hello", "http://hello.default.localhost:8080"),
                                trigger("t", "default", ksvc("hello", "/in"))),
                        status("http://hello.default.localhost:8080/in", null, allTrue(NO_DLS)),
                        Optional.of(URI.create("http://hello.default.localhost:8080/in")),
                        Optional.of(Delivery.NONE)),
                new Row("a missing Service subscriber is not resolvable, naming it",
                        List.of(READY_BROKER, trigger("t", "default", ksvc("hello"))),
                        status(null, null, withReady(condition("BrokerReady", "True"),
                                unknown("DeadLetterSinkResolved"), unknown("DependencyReady"),
                                condition("SubscriberResolved", "False", "SubscriberNotResolved",
                                        "spec.subscriber: Service \"hello\" (serving.knative.dev/v1) not found in "
                                                + "namespace default"), unknown("SubscriptionReady"))),
                        Optional.empty(), Optional.empty()),
                new Row("the trigger's own dead-letter sink and delivery go to the mesh",
                        List.of(READY_BROKER, trigger("t", "default", SUBSCRIBER, triggerDelivery(ownDelivery))),
                        status("http://127.0.0.1:9000/", "http://127.0.0.1:9999/dead",
                                allTrue(condition("DeadLetterSinkResolved", "True"))),
                        Optional.of(URI.create("http://127.0.0.1:9000/")),
                        Optional.of(new Delivery(Optional.of(ownDelivery),
                                Optional.of(URI.create("http://127.0.0.1:9999/dead"))))),
                new Row("without its own sink the trigger shows the broker's",
                        List.of(broker("default", brokerDelivery(ownDelivery),
                                        brokerStatus("http://127.0.0.1:9999/dead", READY)),
                                trigger("t", "default", SUBSCRIBER)),
                        status("http://127.0.0.1:9000/", "http://127.0.0.1:9999/dead",
                                allTrue(condition("DeadLetterSinkResolved", "True"))),
                        Optional.of(URI.create("http://127.0.0.1:9000/")), Optional.of(Delivery.NONE)),
                new Row("a filter the mesh cannot compile fails the subscription, naming the field",
                        List.of(READY_BROKER, trigger("t", "default", SUBSCRIBER, filters(cesql("a = 'b'"),
                                cesql("INVALID ((")))),
                        status("http://127.0.0.1:9000/", null, withReady(condition("BrokerReady", "True"), NO_DLS,
                                condition("DependencyReady", "True"), condition("SubscriberResolved", "True"),
                                condition("SubscriptionReady", "False", "InvalidFilter",
                                        "spec.filters[1].cesql: \"INVALID ((\" does not parse"))),
                        Optional.empty(), Optional.empty()),
                new Row("a dispatcher that cannot move on makes the trigger not ready with its problem",
                        List.of(READY_BROKER, trigger("t", "default", SUBSCRIBER)),
                        status("http://127.0.0.1:9000/", null, withReady(condition("BrokerReady", "True"), NO_DLS,
                                condition("DependencyReady", "True"), condition("SubscriberResolved", "True"),
                                condition("SubscriptionReady", "False", "DispatcherStuck",
                                        "reading the event log failed, trying again every 1s: disk I/O error"))),
                        Optional.of(URI.create("http://127.0.0.1:9000/")), Optional.of(Delivery.NONE),
                        Optional.of("reading the event log failed, trying again every 1s: disk I/O error")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());
            RecordingTriggerDataPlane mesh = new RecordingTriggerDataPlane();
            mesh.dispatchProblem(KEY, row.dispatchProblem());

            Result result = TriggerController.reconciler(store, ManualClock.atEpoch(), mesh, new Tracker())
                    .reconcile(KEY);

            assertThat(result).isEqualTo(Result.done());
            assertThat(store.get(ResourceTypes.TRIGGER, "default", "t").map(t -> Normalized.status(t.get("status"))))
                    .contains(Normalized.status(row.wantStatus()));
            assertThat(mesh.route("default", "t").map(r -> r.subscriber())).isEqualTo(row.wantSubscriber());
            assertThat(mesh.route("default", "t").map(r -> r.delivery())).isEqualTo(row.wantDelivery());
        }
    }

    @ParameterizedTest(name = "delivery.order {0}")
    @MethodSource("orders")
    void theDeliveryOrderAnnotationGoesToTheMesh(String annotation, DeliveryOrder wanted) {
        try (ResourceStore store = InMemoryStore.create()) {
            Trigger trigger = trigger("t", "default", SUBSCRIBER);
            Seed.load(store, List.of(READY_BROKER, annotation == null ? trigger : trigger.withMetadata(
                    trigger.metadata().withAnnotation(DeliveryOrder.ANNOTATION, annotation))));
            RecordingTriggerDataPlane mesh = new RecordingTriggerDataPlane();

            TriggerController.reconciler(store, ManualClock.atEpoch(), mesh, new Tracker()).reconcile(KEY);

            assertThat(mesh.route("default", "t").map(TriggerRoute::order)).contains(wanted);
        }
    }

    static Stream<Arguments> orders() {
        return Stream.of(Arguments.of("ordered", DeliveryOrder.ORDERED),
                Arguments.of("unordered", DeliveryOrder.UNORDERED), Arguments.of(null, DeliveryOrder.UNORDERED));
    }

    private static Condition noBroker(String type) {
        return condition(type, "False", "BrokerDoesNotExist", "Broker \"nope\" does not exist");
    }

    private static Condition unknown(String type) {
        return condition(type, "Unknown");
    }

    private static List<Condition> allTrue(Condition deadLetterSink) {
        return List.of(condition("BrokerReady", "True"), deadLetterSink, condition("DependencyReady", "True"), READY,
                condition("SubscriberResolved", "True"), condition("SubscriptionReady", "True"));
    }

    /** The conditions with Ready derived from them as the set derives it, inserted in type order. */
    private static List<Condition> withReady(Condition... conditions) {
        List<Condition> all = new ArrayList<>(List.of(conditions));
        Condition ready = dev.kumo.api.eventing.lifecycle.TriggerConditions.SET.ready(all);
        all.add(ready);
        all.sort(java.util.Comparator.comparing(Condition::type));
        return all;
    }

    private static TriggerStatus status(String subscriberUri, String deadLetterSinkUri, List<Condition> conditions) {
        return TriggerStatus.builder().observedGeneration(1L).conditions(conditions).subscriberUri(subscriberUri)
                .deadLetterSinkUri(deadLetterSinkUri).build();
    }
}
