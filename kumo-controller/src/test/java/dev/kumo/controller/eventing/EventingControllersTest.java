package dev.kumo.controller.eventing;

import static dev.kumo.controller.testing.EventingObjects.addressedService;
import static dev.kumo.controller.testing.EventingObjects.broker;
import static dev.kumo.controller.testing.EventingObjects.ksvc;
import static dev.kumo.controller.testing.EventingObjects.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.apiserversource.SourceAccess;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.testing.RecordingBrokerDataPlane;
import dev.kumo.controller.testing.RecordingChannelDataPlane;
import dev.kumo.controller.testing.RecordingSourceRunner;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.testing.RecordingTriggerDataPlane;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Brokers and Triggers in process: the controllers over the real in-memory store and a recording mesh. */
class EventingControllersTest {

    private final ResourceStore store = InMemoryStore.create();
    private final RecordingBrokerDataPlane brokers = new RecordingBrokerDataPlane();
    private final RecordingTriggerDataPlane triggers = new RecordingTriggerDataPlane();
    private EventingControllers controllers;

    @BeforeEach
    void start() {
        controllers = EventingControllers.start(store, InstantSource.system(), EngineOptions.DEFAULTS,
                new EventingDataPlane(brokers, triggers, new RecordingSourceRunner<>(),
                new RecordingSourceRunner<>(), new RecordingSourceRunner<>(), new RecordingChannelDataPlane()),
                new SourceAccess(false, List.of(ResourceTypes.CONFIGMAP)));
    }

    @AfterEach
    void stop() {
        controllers.close();
        store.close();
    }

    @Test
    void aTriggerCreatedBeforeItsBrokerAndSubscriberIsRoutedOnceBothExist() {
        store.create(ResourceTypes.TRIGGER, Json.toTree(trigger("t", "default", ksvc("hello", "/in"))));
        settle();
        assertThat(ready("t")).isEqualTo("False");
        assertThat(triggers.route("default", "t")).isEmpty();

        store.create(ResourceTypes.BROKER, Json.toTree(broker("default")));
        settle();
        assertThat(brokers.served("default", "default")).isPresent();
        assertThat(triggers.route("default", "t")).isEmpty();

        store.create(ResourceTypes.SERVICE, Json.toTree(addressedService("hello", null)));
        var service = store.get(ResourceTypes.SERVICE, "default", "hello").orElseThrow();
        service.set("status", Json.toTree(addressedService("hello", "http://hello.default.localhost:8080").status()));
        store.updateStatus(ResourceTypes.SERVICE, service);
        settle();

        assertThat(ready("t")).isEqualTo("True");
        assertThat(triggers.route("default", "t").orElseThrow().subscriber())
                .isEqualTo(URI.create("http://hello.default.localhost:8080/in"));
    }

    @Test
    void deletingTheBrokerTakesItAndItsTriggersOutOfTheMesh() {
        store.create(ResourceTypes.BROKER, Json.toTree(broker("default")));
        store.create(ResourceTypes.TRIGGER, Json.toTree(trigger("t", "default",
                dev.kumo.api.duck.Destination.of("http://127.0.0.1:9000/"))));
        settle();
        assertThat(triggers.route("default", "t")).isPresent();

        store.delete(ResourceTypes.BROKER, "default", "default", DeleteOptions.DEFAULT);
        settle();

        assertThat(brokers.served("default", "default")).isEmpty();
        assertThat(triggers.route("default", "t")).isEmpty();
        assertThat(ready("t")).isEqualTo("False");
    }

    @Test
    void aDispatcherThatGetsStuckMakesItsTriggerNotReadyUntilItMovesAgain() {
        store.create(ResourceTypes.BROKER, Json.toTree(broker("default")));
        store.create(ResourceTypes.TRIGGER, Json.toTree(trigger("t", "default",
                dev.kumo.api.duck.Destination.of("http://127.0.0.1:9000/"))));
        settle();
        assertThat(ready("t")).isEqualTo("True");
        NamespacedName key = new NamespacedName("default", "t");

        triggers.dispatchProblem(key, java.util.Optional.of("the dispatcher failed after event seq 7"));
        settle();
        assertThat(ready("t")).isEqualTo("False");

        triggers.dispatchProblem(key, java.util.Optional.empty());
        settle();
        assertThat(ready("t")).isEqualTo("True");
    }

    private void settle() {
        assertThat(controllers.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private String ready(String trigger) {
        for (var condition : store.get(ResourceTypes.TRIGGER, "default", trigger).orElseThrow()
                .at("/status/conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition.path("status").asText();
            }
        }
        return "";
    }
}
