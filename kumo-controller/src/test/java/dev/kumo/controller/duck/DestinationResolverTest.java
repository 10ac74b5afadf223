package dev.kumo.controller.duck;

import static dev.kumo.controller.testing.EventingObjects.addressedService;
import static dev.kumo.controller.testing.EventingObjects.broker;
import static dev.kumo.controller.testing.EventingObjects.brokerStatus;
import static dev.kumo.controller.testing.EventingObjects.ksvc;
import static dev.kumo.controller.testing.Objects.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Destinations resolve as Knative's URIResolver resolves them, and say why when they cannot. */
class DestinationResolverTest {

    record Row(String name, List<HasMetadata> objects, Destination destination, Resolution want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        HasMetadata hello = addressedService("hello", "http://hello.default.localhost:8080");
        return Stream.of(
                new Row("an absolute uri alone", List.of(), Destination.of("http://127.0.0.1:9000/x"),
                        resolved("http://127.0.0.1:9000/x")),
                new Row("a relative uri alone is not resolvable", List.of(), Destination.of("/x"),
                        unresolved("uri \"/x\" is not an absolute URI with a scheme and a host, such as "
                                + "http://127.0.0.1:8080/")),
                new Row("a Service's address", List.of(hello), ksvc("hello"),
                        resolved("http://hello.default.localhost:8080")),
                new Row("a Service's address with a path beside it", List.of(hello), ksvc("hello", "events/in"),
                        resolved("http://hello.default.localhost:8080/events/in")),
                new Row("a Broker's address", List.of(broker("default", brokerStatus(null,
                                condition("Ready", "True")))),
                        Destination.of(KReference.of("eventing.knative.dev/v1", "Broker", "default")),
                        resolved("http://127.0.0.1:8081/default/default")),
                new Row("a missing Service", List.of(), ksvc("nobody"),
                        unresolved("Service \"nobody\" (serving.knative.dev/v1) not found in namespace default")),
                new Row("a Service without an address yet", List.of(addressedService("hello", null)), ksvc("hello"),
                        unresolved("Service \"hello\" (serving.knative.dev/v1) in namespace default has no address "
                                + "yet (status.address.url is empty): it is not ready")),
                new Row("a kind Kumo cannot address",
                        List.of(), Destination.of(KReference.of("messaging.knative.dev/v1", "KafkaChannel", "c")),
                        unresolved("KafkaChannel \"c\" (messaging.knative.dev/v1) cannot be addressed: Kumo "
                                + "resolves refs to a Service (serving.knative.dev/v1, or a core v1 Service), Route, "
                                + "Broker "
                                + "(eventing.knative.dev/v1), Channel, InMemoryChannel (messaging.knative.dev/v1), "
                                + "Sequence or Parallel (flows.knative.dev/v1); refer to one of them or give a uri")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void resolves(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());

            assertThat(new DestinationResolver(store).resolve(row.destination(), "default")).isEqualTo(row.want());
        }
    }

    @Test
    void aCoreServiceResolvesToTheLoopbackAddressOfItsFirstPort() {
        try (ResourceStore store = InMemoryStore.create()) {
            DestinationResolver resolver = new DestinationResolver(store);
            KReference web = KReference.of("v1", "Service", "web");
            ObjectNode stored = store.create(ResourceTypes.CORE_SERVICE, Json.parseObject("""
                    {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "default"},
                     "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}"""));
            assertThat(resolver.resolve(Destination.of(web), "default")).isEqualTo(unresolved("Service \"web\" (v1) "
                    + "in namespace default has no address yet (status.loadBalancer.ingress is empty): Kumo gives it "
                    + "one shortly"));

            stored.putObject("status").putObject("loadBalancer").putArray("ingress").addObject()
                    .put("ip", "127.0.0.1").putArray("ports").addObject().put("port", 41234).put("protocol", "TCP");
            store.updateStatus(ResourceTypes.CORE_SERVICE, stored);

            assertThat(resolver.resolve(Destination.of(web), "default")).isEqualTo(resolved("http://127.0.0.1:41234"));
            assertThat(resolver.resolve(new Destination(web, "/events", null, null), "default"))
                    .isEqualTo(resolved("http://127.0.0.1:41234/events"));
        }
    }

    private static Resolution resolved(String uri) {
        return new Resolution.Resolved(URI.create(uri));
    }

    private static Resolution unresolved(String message) {
        return new Resolution.Unresolved(message);
    }
}
