package dev.kumo.controller.domainmapping;

import static dev.kumo.controller.testing.Objects.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.DomainMapping;
import dev.kumo.api.serving.DomainMappingSpec;
import dev.kumo.api.serving.DomainMappingStatus;
import dev.kumo.api.serving.RouteStatus;
import dev.kumo.api.serving.ServiceStatus;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.route.RouteUrls;
import dev.kumo.controller.testing.Fixtures;
import dev.kumo.controller.testing.Objects;
import dev.kumo.controller.testing.RecordingRoutingSink;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DomainMappingReconcilerTest {

    private static final String DOMAIN = "hello.example.com";
    private static final NamespacedName KEY = new NamespacedName("default", DOMAIN);
    private static final NamespacedName HELLO = new NamespacedName("default", "hello");

    /** Objects, then the wanted conditions (type status reason), URL and Route the domain is served as. */
    record Row(String name, List<HasMetadata> objects, RouteUrls urls, List<String> wantConditions, String wantUrl,
            Optional<NamespacedName> wantServedAs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a Ready Service's domain is claimed, served and Ready",
                        List.of(readyService(), mapping("default", service("hello"), null)), RouteUrls.DEFAULT,
                        List.of("CertificateProvisioned True TLSNotEnabled", "DomainClaimed True",
                                "IngressReady True", "ReferenceResolved True", "Ready True"),
                        "http://hello.example.com", Optional.of(HELLO)),
                new Row("the URL carries the ingress port when it is not 80",
                        List.of(readyService(), mapping("default", service("hello"), null)),
                        new RouteUrls("localhost", 8080),
                        List.of("CertificateProvisioned True TLSNotEnabled", "DomainClaimed True",
                                "IngressReady True", "ReferenceResolved True", "Ready True"),
                        "http://hello.example.com:8080", Optional.of(HELLO)),
                new Row("a missing Service fails ReferenceResolved and nothing is served",
                        List.of(mapping("default", service("hello"), null)), RouteUrls.DEFAULT,
                        List.of("CertificateProvisioned True TLSNotEnabled", "DomainClaimed True",
                                "IngressReady Unknown", "ReferenceResolved False ResolveFailed",
                                "Ready False ResolveFailed"),
                        "http://hello.example.com", Optional.empty()),
                new Row("a Service not Ready yet is served, the mapping waits for it",
                        List.of(Fixtures.service("default", "hello"), mapping("default", service("hello"), null)),
                        RouteUrls.DEFAULT,
                        List.of("CertificateProvisioned True TLSNotEnabled", "DomainClaimed True",
                                "IngressReady Unknown ServiceNotReady", "ReferenceResolved True",
                                "Ready Unknown ServiceNotReady"),
                        "http://hello.example.com", Optional.of(HELLO)),
                new Row("TLS asked for is not provisioned: served over http, not Ready",
                        List.of(readyService(), mapping("default", service("hello"), "my-cert")), RouteUrls.DEFAULT,
                        List.of("CertificateProvisioned False TLSNotSupported", "DomainClaimed True",
                                "IngressReady True", "ReferenceResolved True", "Ready False TLSNotSupported"),
                        "http://hello.example.com", Optional.of(HELLO)),
                new Row("a mapping of a Route is served as that Route",
                        List.of(Objects.route("hello").withStatus(new RouteStatus(1L,
                                        List.of(condition("Ready", "True")), null, null, null, null)),
                                mapping("default", new KReference("Route", "default", "hello",
                                        "serving.knative.dev/v1", null, null), null)),
                        RouteUrls.DEFAULT,
                        List.of("CertificateProvisioned True TLSNotEnabled", "DomainClaimed True",
                                "IngressReady True", "ReferenceResolved True", "Ready True"),
                        "http://hello.example.com", Optional.of(HELLO)),
                new Row("another namespace's mapping holding the name keeps it (ClusterDomainClaim)",
                        List.of(readyService(), claimed(mapping("other", service("hello"), null)),
                                mapping("default", service("hello"), null)), RouteUrls.DEFAULT,
                        List.of("CertificateProvisioned Unknown", "DomainClaimed False DomainAlreadyClaimed",
                                "IngressReady Unknown", "ReferenceResolved Unknown",
                                "Ready False DomainAlreadyClaimed"),
                        "http://hello.example.com", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());
            RecordingRoutingSink sink = new RecordingRoutingSink();

            Result result = DomainMappingController.reconciler(store, ManualClock.atEpoch(), sink, row.urls())
                    .reconcile(KEY);

            assertThat(result).isEqualTo(Result.done());
            JsonNode status = store.get(ResourceTypes.DOMAIN_MAPPING, "default", DOMAIN).orElseThrow().get("status");
            assertThat(conditions(status)).isEqualTo(row.wantConditions().stream().sorted().toList());
            assertThat(status.path("url").asText()).isEqualTo(row.wantUrl());
            assertThat(status.at("/address/url").asText()).isEqualTo(row.wantUrl());
            assertThat(sink.domain(DOMAIN)).isEqualTo(row.wantServedAs());
        }
    }

    @Test
    void theFirstMappingOfANameHoldsItAndTheOtherTakesOverOnceItIsGone() {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(readyService(), Fixtures.service("other", "hello", s -> s.withStatus(
                    READY)), mapping("default", service("hello"), null)));
            RecordingRoutingSink sink = new RecordingRoutingSink();
            var reconciler = DomainMappingController.reconciler(store, ManualClock.atEpoch(), sink,
                    RouteUrls.DEFAULT);
            reconciler.reconcile(KEY);
            Seed.load(store, List.of(mapping("other", service("hello"), null)));
            NamespacedName other = new NamespacedName("other", DOMAIN);
            reconciler.reconcile(other);

            assertThat(ready(store, "other")).isEqualTo("False DomainAlreadyClaimed");
            assertThat(sink.mapping("other", DOMAIN)).isEmpty();

            store.delete(ResourceTypes.DOMAIN_MAPPING, "default", DOMAIN, DeleteOptions.DEFAULT);
            reconciler.reconcile(KEY);
            reconciler.reconcile(other);

            assertThat(sink.mapping("default", DOMAIN)).isEmpty();
            assertThat(ready(store, "other")).isEqualTo("True");
            assertThat(sink.domain(DOMAIN)).contains(new NamespacedName("other", "hello"));
        }
    }

    private static String ready(ResourceStore store, String namespace) {
        JsonNode status = store.get(ResourceTypes.DOMAIN_MAPPING, namespace, DOMAIN).orElseThrow().get("status");
        return conditions(status).stream().filter(c -> c.startsWith("Ready ")).findFirst().orElseThrow()
                .substring("Ready ".length());
    }

    private static List<String> conditions(JsonNode status) {
        List<String> lines = new ArrayList<>();
        for (JsonNode c : status.path("conditions")) {
            lines.add(c.path("type").asText() + " " + c.path("status").asText()
                    + (c.hasNonNull("reason") ? " " + c.path("reason").asText() : ""));
        }
        return lines.stream().sorted().toList();
    }

    private static final ServiceStatus READY = ServiceStatus.builder().observedGeneration(1L)
            .conditions(List.of(condition("Ready", "True"))).url("http://hello.default.localhost").build();

    private static HasMetadata readyService() {
        return Fixtures.service("default", "hello", s -> s.withStatus(READY));
    }

    private static KReference service(String name) {
        return KReference.of("serving.knative.dev/v1", "Service", name);
    }

    private static DomainMapping mapping(String namespace, KReference ref, String tls) {
        return DomainMapping.of(ObjectMeta.of(namespace, DOMAIN),
                new DomainMappingSpec(ref, tls == null ? null : new DomainMappingSpec.Tls(tls)));
    }

    private static DomainMapping claimed(DomainMapping mapping) {
        List<Condition> conditions = List.of(condition("DomainClaimed", "True"));
        return mapping.withStatus(new DomainMappingStatus(1L, conditions, null, null, null));
    }
}
