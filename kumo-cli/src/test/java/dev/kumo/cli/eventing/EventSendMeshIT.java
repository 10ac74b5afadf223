package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.EventReceiver;
import dev.kumo.cli.testing.FakeApiServer;
import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import io.cloudevents.http.HttpMessageFactory;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kumo event send to Kumo's own durable broker (kumo-eventing's mesh, in process): the ingress accepts what the CLI
 * writes in both modes, and a Trigger delivers it to a real receiver.
 */
class EventSendMeshIT {

    @TempDir
    Path dir;

    private final FakeApiServer server = FakeApiServer.start();
    private final EventReceiver receiver = EventReceiver.start();
    private Vertx vertx;
    private EventMesh mesh;

    @BeforeEach
    void startMesh() {
        vertx = Vertx.vertx();
        mesh = EventMesh.start(vertx, MeshConfig.defaults(dir.resolve("events.db")), Clock.systemUTC());
        BrokerRef broker = new BrokerRef("default", "default");
        mesh.upsertBroker(new BrokerSpec(broker));
        mesh.upsertTrigger(new TriggerSpec(new TriggerRef("default", "all"), "default", event -> true,
                URI.create("http://127.0.0.1:" + receiver.port() + "/"), DeliverySpec.NONE));
        ObjectNode stored = Json.parseObject("{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\","
                + "\"metadata\":{\"name\":\"default\",\"namespace\":\"default\"},\"spec\":{}}");
        stored.putObject("status").putObject("address").put("url", mesh.brokerAddress(broker).orElseThrow()
                .toString());
        server.seed(ResourceTypes.BROKER, stored);
    }

    @AfterEach
    void stop() throws Exception {
        mesh.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        receiver.close();
        server.close();
    }

    private CliResult kumo(String... args) {
        return CliRunner.against(server.baseUrl(), dir).run(args);
    }

    @Test
    void theBrokerAcceptsBinaryAndStructuredEventsAndTheTriggerDeliversThem() {
        CliResult binary = kumo("event", "send", "--to", "broker:default", "--type", "com.example.ordered",
                "--source", "/cli", "--id", "bin-1", "--extension", "note=100% sure", "--data", "{\"a\":1}");
        CliResult structured = kumo("event", "send", "--to", "broker:default", "--type", "com.example.ordered",
                "--source", "/cli", "--id", "str-1", "--data", "{\"b\":2}", "--structured");

        assertThat(binary.exitCode()).as(binary.err()).isZero();
        assertThat(binary.out()).isEqualTo("202 Accepted\n");
        assertThat(structured.exitCode()).as(structured.err()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
        var delivered = receiver.received().stream().map(got -> HttpMessageFactory.createReaderFromMultimap(
                got.headers(), got.body()).toEvent()).toList();
        assertThat(delivered).extracting(event -> event.getId()).containsExactlyInAnyOrder("bin-1", "str-1");
        var first = delivered.stream().filter(event -> event.getId().equals("bin-1")).findFirst().orElseThrow();
        assertThat(first.getType()).isEqualTo("com.example.ordered");
        assertThat(first.getData().toBytes()).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":1}");
        assertThat(first.getExtension("knativearrivaltime")).isNotNull();
    }

    @Test
    void anInvalidEventIsRefusedByTheIngressAndTheCliSaysWhy() {
        CliResult result = kumo("event", "send", "--to", "broker:default", "--type", "t", "--source", "/cli",
                "--extension", "knativebrokerttl=zero");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("400 Bad Request\n");
        assertThat(result.err()).contains("Error: broker 'default' answered 400 Bad Request: ");
        assertThat(receiver.received()).isEmpty();
    }
}
