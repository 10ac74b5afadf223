package dev.kumo.controller.sinkbinding;

import static dev.kumo.controller.testing.EventingObjects.serviceNamed;
import static dev.kumo.controller.testing.EventingObjects.servicesLabelled;
import static dev.kumo.controller.testing.EventingObjects.sinkBinding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.sources.SinkBindingSpec;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.testing.Fixtures;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinkBindingReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "bind");
    private static final Destination SINK = Destination.of("http://127.0.0.1:9000/");

    private final ResourceStore store = InMemoryStore.create();
    private final SinkBindingReconciler reconciler =
            SinkBindingController.reconciler(store, ManualClock.atEpoch(), new Tracker());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNamedServiceGetsKSinkAndTheOverridesInItsContainers() {
        Seed.load(store, List.of(Fixtures.service("default", "hello"),
                sinkBinding("bind", serviceNamed("hello"), SINK, Map.of("via", "binding"))));

        reconciler.reconcile(KEY);

        assertThat(env("hello")).isEqualTo(Map.of("K_SINK", "http://127.0.0.1:9000/",
                "K_CE_OVERRIDES", "{\"extensions\":{\"via\":\"binding\"}}"));
        assertThat(ready()).isEqualTo("True");
        assertThat(store.get(ResourceTypes.SINK_BINDING, "default", "bind").orElseThrow()
                .at("/metadata/finalizers/0").asText()).isEqualTo(SinkBindingReconciler.FINALIZER);
    }

    @Test
    void aLabelSelectorBindsTheServicesItMatchesOnly() {
        Seed.load(store, List.of(Fixtures.service("default", "a", Fixtures.labels(Map.of("bound", "yes"))),
                Fixtures.service("default", "b"),
                sinkBinding("bind", servicesLabelled("bound", "yes"), SINK, Map.of())));

        reconciler.reconcile(KEY);

        assertThat(env("a")).isEqualTo(Map.of("K_SINK", "http://127.0.0.1:9000/"));
        assertThat(env("b")).isEmpty();
    }

    @Test
    void aSubjectOfAnotherKindIsRefusedWithTheReason() {
        Seed.load(store, List.of(sinkBinding("bind", new SinkBindingSpec.Subject("apps/v1", "StatefulSet", null,
                "web", null), SINK, Map.of())));

        reconciler.reconcile(KEY);

        assertThat(ready()).isEqualTo("False");
        assertThat(readyCondition().path("reason").asText()).isEqualTo("SubjectUnsupported");
        assertThat(readyCondition().path("message").asText()).isEqualTo("spec.subject: Kumo binds Knative Services "
                + "(apiVersion serving.knative.dev/v1, kind Service) and Deployments (apiVersion apps/v1), not "
                + "StatefulSet (apps/v1)");
    }

    @Test
    void aDeploymentsPodTemplateGetsKSinkAndLosesItWhenTheBindingGoes() {
        store.create(ResourceTypes.DEPLOYMENT, dev.kumo.api.codec.Json.parseObject("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "default"},
                 "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "web"}},
                          "template": {"metadata": {"labels": {"app": "web"}},
                                       "spec": {"containers": [{"name": "web", "command": ["python3"],
                                                                "env": [{"name": "KEEP", "value": "me"}]}]}}}}
                """));
        Seed.load(store, List.of(sinkBinding("bind", new SinkBindingSpec.Subject("apps/v1", "Deployment", null,
                "web", null), SINK, Map.of())));

        reconciler.reconcile(KEY);

        assertThat(ready()).isEqualTo("True");
        assertThat(deploymentEnv("web")).isEqualTo(Map.of("KEEP", "me", "K_SINK", "http://127.0.0.1:9000/"));

        store.delete(ResourceTypes.SINK_BINDING, "default", "bind", DeleteOptions.DEFAULT);
        reconciler.reconcile(KEY);

        assertThat(deploymentEnv("web")).isEqualTo(Map.of("KEEP", "me"));
        assertThat(store.get(ResourceTypes.SINK_BINDING, "default", "bind")).isEmpty();
    }

    private Map<String, String> deploymentEnv(String name) {
        Map<String, String> env = new java.util.TreeMap<>();
        for (JsonNode variable : store.get(ResourceTypes.DEPLOYMENT, "default", name).orElseThrow()
                .at("/spec/template/spec/containers/0/env")) {
            env.put(variable.path("name").asText(), variable.path("value").asText());
        }
        return env;
    }

    @Test
    void aMissingNamedServiceIsNotBound() {
        Seed.load(store, List.of(sinkBinding("bind", serviceNamed("nobody"), SINK, Map.of())));

        reconciler.reconcile(KEY);

        assertThat(readyCondition().path("reason").asText()).isEqualTo("SubjectMissing");
    }

    @Test
    void deletingTheBindingTakesTheVariablesOutBeforeItGoes() {
        Seed.load(store, List.of(Fixtures.service("default", "hello"),
                sinkBinding("bind", serviceNamed("hello"), SINK, Map.of())));
        reconciler.reconcile(KEY);
        assertThat(env("hello")).containsKey("K_SINK");

        store.delete(ResourceTypes.SINK_BINDING, "default", "bind", DeleteOptions.DEFAULT);
        assertThat(store.get(ResourceTypes.SINK_BINDING, "default", "bind")).isPresent();
        reconciler.reconcile(KEY);

        assertThat(env("hello")).isEmpty();
        assertThat(store.get(ResourceTypes.SINK_BINDING, "default", "bind")).isEmpty();
    }

    private Map<String, String> env(String service) {
        Map<String, String> env = new java.util.TreeMap<>();
        for (JsonNode variable : store.get(ResourceTypes.SERVICE, "default", service).orElseThrow()
                .at("/spec/template/spec/containers/0/env")) {
            env.put(variable.path("name").asText(), variable.path("value").asText());
        }
        return env;
    }

    private String ready() {
        return readyCondition().path("status").asText();
    }

    private JsonNode readyCondition() {
        for (JsonNode condition : store.get(ResourceTypes.SINK_BINDING, "default", "bind").orElseThrow()
                .at("/status/conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition;
            }
        }
        return dev.kumo.api.codec.Json.object();
    }
}
