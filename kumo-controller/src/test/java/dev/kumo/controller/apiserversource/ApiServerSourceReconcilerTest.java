package dev.kumo.controller.apiserversource;

import static dev.kumo.controller.testing.EventingObjects.apiServerSource;
import static dev.kumo.controller.testing.EventingObjects.ksvc;
import static dev.kumo.controller.testing.Objects.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.core.Namespace;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import dev.kumo.api.sources.SourceStatus;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.RecordingSourceRunner;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiServerSourceReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "watch");
    private static final URI SINK = URI.create("http://127.0.0.1:9000/");
    private static final List<dev.kumo.api.meta.ResourceType> KINDS = List.of(ResourceTypes.CONFIGMAP,
            ResourceTypes.SECRET, ResourceTypes.NAMESPACE);
    private static final SourceAccess OWN_NAMESPACE = new SourceAccess(false, KINDS);
    private static final SourceAccess CROSS_NAMESPACE = new SourceAccess(true, KINDS);
    private static final String FIX = ". Watch only namespace \"default\" (no spec.namespaceSelector, namespaced "
            + "kinds only), give it a spec.serviceAccountName whose RBAC allows get, list and watch, or let sources "
            + "without one read every namespace with \"apiserversource-cross-namespace: true\" in the server's "
            + "config file (kumo server --config FILE)";
    private static final String REFUSED = "ApiServerSource default/watch may read only its own namespace "
            + "\"default\" (as the \"default\" ServiceAccount, whose RBAC allows no more); refused: ";
    private static final Condition NOT_RUN = condition("Deployed", "Unknown", "NotAllowed", "not run: it was refused "
            + "access to what it asks for (see its SufficientPermissions condition)");

    /**
     * One case: the namespaces, the source, what the server allows, and the status and sink the
     * reconcile should leave (an empty sink: the source does not run).
     */
    record Row(String name, List<Namespace> namespaces, ApiServerSource source, SourceAccess access,
            List<Condition> wantConditions, List<String> wantNamespaces, Optional<URI> wantRunning) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        List<Namespace> namespaces = List.of(namespace("default", "home"), namespace("dev-b", "dev"),
                namespace("prod", "prod"), namespace("dev-a", "dev"));
        return Stream.of(
                new Row("a source with a sink watches its own namespace with sufficient permissions",
                        List.of(), source(null), OWN_NAMESPACE, running(condition("SufficientPermissions", "True")),
                        List.of("default"), Optional.of(SINK)),
                new Row("a selector matching only the source's own namespace is allowed",
                        namespaces, source(selector("env", "home")), OWN_NAMESPACE,
                        running(condition("SufficientPermissions", "True")), List.of("default"), Optional.of(SINK)),
                new Row("an empty selector is refused other namespaces and does not run",
                        namespaces, source(new LabelSelectorSpec(null, null)), OWN_NAMESPACE,
                        refused("namespaces \"dev-a\", \"dev-b\", \"prod\" (selected by spec.namespaceSelector)"),
                        List.of("default", "dev-a", "dev-b", "prod"), Optional.empty()),
                new Row("a selector matching other namespaces is refused them",
                        namespaces, source(selector("env", "dev")), OWN_NAMESPACE,
                        refused("namespaces \"dev-a\", \"dev-b\" (selected by spec.namespaceSelector)"),
                        List.of("dev-a", "dev-b"), Optional.empty()),
                new Row("a cluster-scoped kind is refused",
                        List.of(), source(null, resource("Namespace")), OWN_NAMESPACE,
                        refused("the cluster-scoped kind v1 Namespace (spec.resources[0])"),
                        List.of("default"), Optional.empty()),
                new Row("the server's cross-namespace setting lets a selector match every namespace",
                        namespaces, source(new LabelSelectorSpec(null, null)), CROSS_NAMESPACE,
                        running(condition("SufficientPermissions", "True")),
                        List.of("default", "dev-a", "dev-b", "prod"), Optional.of(SINK)),
                new Row("the server's cross-namespace setting lets a selector match other namespaces",
                        namespaces, source(selector("env", "dev")), CROSS_NAMESPACE,
                        running(condition("SufficientPermissions", "True")), List.of("dev-a", "dev-b"),
                        Optional.of(SINK)),
                new Row("Secrets in Resource mode run and say their data is withheld",
                        List.of(), source(null, resource("Secret")).withSpec(source(null, resource("Secret")).spec()
                                .withMode(ApiServerSource.RESOURCE_MODE)), OWN_NAMESPACE,
                        running(condition("SufficientPermissions", "True", "SecretDataWithheld", "Secrets "
                                + "(spec.resources[0]) are sent without data, stringData and the "
                                + "kubectl.kubernetes.io/last-applied-configuration annotation: Kumo never sends "
                                + "Secret data")),
                        List.of("default"), Optional.of(SINK)),
                new Row("Secrets in Reference mode carry no data to withhold",
                        List.of(), source(null, resource("Secret")), OWN_NAMESPACE,
                        running(condition("SufficientPermissions", "True")), List.of("default"), Optional.of(SINK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            row.namespaces().forEach(n -> store.create(ResourceTypes.NAMESPACE, Json.toTree(n)));
            Seed.load(store, List.of(row.source()));
            RecordingSourceRunner<ApiServerSource> runner = new RecordingSourceRunner<>();
            runner.run(row.source(), URI.create("http://running-before/"));

            ApiServerSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker(), row.access())
                    .reconcile(KEY);

            assertThat(status(store)).isEqualTo(Normalized.status(SourceStatus.builder().observedGeneration(1L)
                    .conditions(row.wantConditions()).sinkUri(SINK.toString()).namespaces(row.wantNamespaces())
                    .build()));
            assertThat(runner.sink("default", "watch")).isEqualTo(row.wantRunning());
        }
    }

    @org.junit.jupiter.api.Test
    void aSourceWhoseSinkIsMissingIsStopped() {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(apiServerSource("watch", ksvc("gone"))));
            RecordingSourceRunner<ApiServerSource> runner = new RecordingSourceRunner<>();
            runner.run(apiServerSource("watch", ksvc("gone")), URI.create("http://before/"));

            ApiServerSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker(), OWN_NAMESPACE)
                    .reconcile(KEY);

            assertThat(status(store).at("/conditions/1/reason").asText()).isEqualTo("NotFound");
            assertThat(runner.sink("default", "watch")).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void aRefusalNamesTenNamespacesAndCountsTheRest() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add("ns-" + (char) ('a' + i));
        }
        String refusal = OWN_NAMESPACE.refusal(source(null), many).orElseThrow().message();

        assertThat(refusal).contains("\"ns-j\" and 2 more (selected by spec.namespaceSelector)")
                .doesNotContain("ns-k");
    }

    private static List<Condition> running(Condition permissions) {
        return List.of(condition("Deployed", "True"), condition("Ready", permissions.status()),
                condition("SinkProvided", "True"), permissions);
    }

    private static List<Condition> refused(String what) {
        String message = REFUSED + what + FIX;
        return List.of(NOT_RUN, condition("Ready", "False", "CrossNamespaceNotAllowed", message),
                condition("SinkProvided", "True"),
                condition("SufficientPermissions", "False", "CrossNamespaceNotAllowed", message));
    }

    private static ApiServerSource source(LabelSelectorSpec namespaceSelector) {
        return source(namespaceSelector, resource("ConfigMap"));
    }

    private static ApiServerSource source(LabelSelectorSpec namespaceSelector, ApiServerSourceSpec.Resource resource) {
        return ApiServerSource.of(ObjectMeta.of(KEY.namespace(), KEY.name()), new ApiServerSourceSpec(
                Destination.of(SINK.toString()), null, List.of(resource), null, ApiServerSource.REFERENCE_MODE, null,
                namespaceSelector, null));
    }

    private static ApiServerSourceSpec.Resource resource(String kind) {
        return new ApiServerSourceSpec.Resource("v1", kind, null);
    }

    private static LabelSelectorSpec selector(String key, String value) {
        return new LabelSelectorSpec(Map.of(key, value), null);
    }

    private static Namespace namespace(String name, String env) {
        return new Namespace("v1", "Namespace", ObjectMeta.named(name).withLabel("env", env), null, null);
    }

    private static JsonNode status(ResourceStore store) {
        return Normalized.status(store.get(ResourceTypes.API_SERVER_SOURCE, "default", "watch").orElseThrow()
                .get("status"));
    }
}
