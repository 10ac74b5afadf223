package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.EventReceiver;
import dev.kumo.cli.testing.FakeApiServer;
import dev.kumo.cli.testing.Fixtures;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kumo event send against a real HTTP receiver: the Broker's address or the Service's URL is read from the (fake)
 * API server, and the receiver checks what arrives on the wire.
 */
class EventSendIT {

    @TempDir
    Path home;

    private final FakeApiServer server = FakeApiServer.start();
    private final EventReceiver receiver = EventReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
        server.close();
    }

    private CliResult kumo(String... args) {
        return CliRunner.against(server.baseUrl(), home).run(args);
    }

    private void broker(String namespace, String name, String url) {
        ObjectNode broker = Json.parseObject("{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\","
                + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\"},\"spec\":{}}");
        if (!url.isEmpty()) {
            broker.putObject("status").putObject("address").put("url", url);
        }
        server.seed(ResourceTypes.BROKER, broker);
    }

    @Test
    void sendsABinaryModeEventToTheBrokersAddress() {
        broker("default", "default", "http://127.0.0.1:" + receiver.port() + "/default/default");

        CliResult result = kumo("event", "send", "--to", "broker:default", "--type", "com.example.ordered",
                "--source", "/cli", "--id", "e-1", "--subject", "orders/42", "--extension", "note=naïve 100%",
                "--data", "{\"a\":1}");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("202 Accepted\n");
        assertThat(result.err()).isEqualTo("Sending event to broker 'default' at http://127.0.0.1:" + receiver.port()
                + "/default/default (binary mode):\n  specversion: 1.0\n  id: e-1\n  source: /cli\n"
                + "  type: com.example.ordered\n  subject: orders/42\n  time: 2025-01-01T00:05:00Z\n"
                + "  datacontenttype: application/json\n  note: naïve 100%\n");
        EventReceiver.Received got = receiver.received().getFirst();
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/default/default");
        assertThat(got.header("ce-specversion")).isEqualTo("1.0");
        assertThat(got.header("ce-id")).isEqualTo("e-1");
        assertThat(got.header("ce-source")).isEqualTo("/cli");
        assertThat(got.header("ce-type")).isEqualTo("com.example.ordered");
        assertThat(got.header("ce-subject")).isEqualTo("orders/42");
        assertThat(got.header("ce-time")).isEqualTo("2025-01-01T00:05:00Z");
        assertThat(got.header("ce-note")).isEqualTo("na%C3%AFve%20100%25");
        assertThat(got.header("content-type")).isEqualTo("application/json");
        assertThat(got.body()).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":1}");
        CloudEvent read = HttpMessageFactory.createReaderFromMultimap(got.headers(), got.body()).toEvent();
        assertThat(read.getId()).isEqualTo("e-1");
        assertThat(read.getExtension("note")).isEqualTo("na%C3%AFve%20100%25"); // the SDK's reader does not decode
    }

    @Test
    void sendsAStructuredEventToAKnativeServiceThroughTheRouterWithItsHost() throws Exception {
        server.seed(ResourceTypes.SERVICE, Fixtures.service("team", "hello",
                Fixtures.serving("http://hello.team.localhost:" + receiver.port(), "hello-00001")));
        Path data = Files.writeString(home.resolve("order.json"), "{\"order\":42}");

        CliResult result = kumo("event", "send", "--to", "ksvc:hello:team", "-t", "com.example.ordered", "-s",
                "https://example.com/shop", "--data", "@" + data, "--structured");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).startsWith("Sending event to service 'hello' at http://hello.team.localhost:"
                + receiver.port() + " (structured mode, Host: hello.team.localhost:" + receiver.port()
                + ", connecting to 127.0.0.1:" + receiver.port() + "):\n  specversion: 1.0\n  id: ");
        EventReceiver.Received got = receiver.received().getFirst();
        assertThat(got.path()).isEqualTo("/");
        assertThat(got.header("host")).isEqualTo("hello.team.localhost:" + receiver.port());
        assertThat(got.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(got.headers()).doesNotContainKey("ce-id");
        ObjectNode event = Json.parseObject(got.body());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(event.path("source").asText()).isEqualTo("https://example.com/shop");
        assertThat(event.path("data").toString()).isEqualTo("{\"order\":42}");
    }

    @Test
    void printsTheReplyEventOnStdout() {
        receiver.answer(got -> new EventReceiver.Answer(200, Map.of("ce-specversion", "1.0", "ce-id", "r-1",
                "ce-source", "/shop", "ce-type", "com.example.confirmed", "Content-Type", "application/json"),
                "{\"confirmed\":true}"));

        CliResult result = kumo("event", "send", "--to", "http://127.0.0.1:" + receiver.port() + "/hook", "--type",
                "com.example.ordered", "--source", "/cli");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                200 OK
                Reply event:
                  specversion: 1.0
                  id: r-1
                  source: /shop
                  type: com.example.confirmed
                  datacontenttype: application/json
                Data:
                {"confirmed":true}
                """);
        assertThat(receiver.received().getFirst().path()).isEqualTo("/hook");
        assertThat(receiver.received().getFirst().headers()).doesNotContainKey("content-type");
    }

    @Test
    void anErrorAnswerFailsWithTheStatusAndTheReason() {
        broker("default", "default", "http://127.0.0.1:" + receiver.port() + "/default/default");
        receiver.answer(got -> new EventReceiver.Answer(400, Map.of("Content-Type", "text/plain"),
                "invalid event: missing type\n"));

        CliResult result = kumo("event", "send", "--to", "broker:default", "--type", "t", "--source", "/cli");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("400 Bad Request\ninvalid event: missing type\n");
        assertThat(result.err()).endsWith("Error: broker 'default' answered 400 Bad Request: invalid event: "
                + "missing type\n");
    }

    @Test
    void aBrokerWithoutAnAddressIsNotReadyAndNothingIsSent() {
        broker("team", "orders", "");

        CliResult result = kumo("event", "send", "--to", "broker:orders", "-n", "team", "--type", "t", "--source",
                "/cli");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Error: broker 'orders' is not ready: it has no address yet\n"
                + "See 'kumo broker describe orders -n team'.\n");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aServiceWithoutAUrlIsNotSentTo() {
        server.seed(ResourceTypes.SERVICE, Fixtures.service("default", "hello",
                Fixtures.failed("RevisionFailed", "container exited")));

        CliResult result = kumo("event", "send", "--to", "hello", "--type", "t", "--source", "/cli");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Error: service 'hello' has no URL yet\n"
                + "Run 'kumo service describe hello' to see why it is not ready.\n");
    }

    @Test
    void badFlagsAreUsageErrorsNamingTheFlag() {
        CliResult missing = kumo("event", "send", "--to", "broker:default", "--source", "/cli");
        CliResult badData = kumo("event", "send", "--to", "http://127.0.0.1:" + receiver.port(), "--type", "t",
                "--source", "/cli", "--data", "{oops");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("Error: Missing required option: '--type=TYPE'\n");
        assertThat(badData.exitCode()).isEqualTo(1);
        assertThat(badData.err()).startsWith("Error: invalid --data '{oops': not JSON (");
        CliResult noFile = kumo("event", "send", "--to", "broker:default", "--type", "t", "--source", "/cli",
                "--data", "@" + home.resolve("missing.json"));
        assertThat(noFile.exitCode()).isEqualTo(1);
        assertThat(noFile.err()).startsWith("Error: invalid --data '@" + home.resolve("missing.json")
                + "': cannot read " + home.resolve("missing.json") + " (NoSuchFileException)\n");
        assertThat(receiver.received()).isEmpty();
    }
}
