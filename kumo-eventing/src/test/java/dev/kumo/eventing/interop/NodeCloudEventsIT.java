package dev.kumo.eventing.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10: producers and subscribers written with the real npm {@code cloudevents} SDK (pinned in
 * {@code src/test/node/package.json}; {@code .ci/run} runs {@code npm ci} there) get from a Kumo broker the strings
 * that were sent. The SDK neither percent-encodes nor decodes {@code ce-*} values, as Go's sdk-go does not: a literal
 * {@code %} is accepted (it was a 400 the emitter never saw) and values reach the Node receiver as they were sent.
 */
class NodeCloudEventsIT {

    private static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();
    private static final BrokerRef BROKER = new BrokerRef("default", "js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Values the npm SDK writes as they are in binary mode (Node sends header text as Latin-1: ASCII here). */
    private static final List<Map<String, String>> BINARY = List.of(
            Map.of("id", "js-1", "source", "/js/emitter", "type", "dev.kumo.js", "subject", "100% sure",
                    "strext", "say \"hi\""),
            Map.of("id", "js-2 with spaces", "source", "/js/100%25", "type", "dev.kumo.js", "subject", "%zz and % and %4",
                    "strext", "'single' & <tag> {\"json\":true}"),
            Map.of("id", "js-3-%", "source", "https://js.example/a%20b?q=%25", "type", "dev.kumo.js type", "subject", "a,b;c=d \\ e",
                    "strext", "%%"));

    /** Structured mode carries any text; the broker delivers it in binary mode as its UTF-8 bytes, as sdk-go does. */
    private static final List<Map<String, String>> STRUCTURED = List.of(
            Map.of("id", "js-s-1", "source", "/js/emitter", "type", "dev.kumo.js", "subject", "Grüße € 😀",
                    "strext", "日本語 100%"),
            Map.of("id", "js-s-2", "source", "/js/emitter", "type", "dev.kumo.js", "subject", "%41 stays %41",
                    "strext", "\"quoted\""));

    @TempDir
    Path dir;

    private Vertx vertx;
    private EventMesh mesh;
    private Process receiver;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path node = nodeOrSkip();
        receiver = new ProcessBuilder(node.toString(), "receiver.js").directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                StandardCharsets.UTF_8));
        int port = JSON.readTree(lines.readLine()).path("port").asInt();
        Thread.ofVirtual().start(() -> lines.lines().forEach(line -> received.add(parse(line))));
        vertx = Vertx.vertx();
        mesh = EventMesh.start(vertx, MeshConfig.defaults(dir.resolve("events.db")), Clock.systemUTC());
        mesh.upsertBroker(new BrokerSpec(BROKER));
        mesh.upsertTrigger(new TriggerSpec(new TriggerRef("default", "to-node"), "js", event -> true,
                URI.create("http://127.0.0.1:" + port + "/"), DeliverySpec.NONE));
    }

    @AfterEach
    void stop() throws Exception {
        if (mesh != null) {
            mesh.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (receiver != null) {
            receiver.destroy();
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNodeSubscriberGetsTheStringsANodeProducerSentInBinaryMode() throws Exception {
        emit(BINARY, "binary");

        await().atMost(WAIT).until(() -> received.size() >= BINARY.size());
        for (Map<String, String> sent : BINARY) {
            JsonNode got = receivedWithId(sent.get("id"));
            sent.forEach((name, value) -> assertThat(got.path("event").path(name).asText()).as(name).isEqualTo(value));
        }
        assertThat(received).allSatisfy(line -> assertThat(line.has("error")).as(line.toString()).isFalse());
        assertThat(mesh.counters().rejected()).as("events refused (the emitter never sees a status): got " + received)
                .isZero();
        assertThat(mesh.counters().literalPercent()).isPositive();
    }

    @Test
    void aNodeSubscriberGetsStructuredTextAsItsUtf8BytesAndPercentSignsAsTheyWere() throws Exception {
        emit(STRUCTURED, "structured");

        await().atMost(WAIT).until(() -> received.size() >= STRUCTURED.size());
        for (Map<String, String> sent : STRUCTURED) {
            JsonNode got = receivedWithId(sent.get("id"));
            sent.forEach((name, value) -> assertThat(got.path("utf8").path(name).asText()).as(name).isEqualTo(value));
        }
        assertThat(receivedWithId("js-s-2").path("event").path("subject").asText()).isEqualTo("%41 stays %41");
        assertThat(mesh.counters().rejected()).isZero();
    }

    private void emit(List<Map<String, String>> events, String mode) throws Exception {
        Path file = dir.resolve(mode + ".json");
        JSON.writeValue(file.toFile(), events);
        Process emitter = new ProcessBuilder(nodeOrSkip().toString(), "emitter.js",
                "http://127.0.0.1:" + mesh.port() + "/default/js", file.toString(), mode)
                .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        String output = new String(emitter.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(emitter.waitFor(30, TimeUnit.SECONDS)).as("the emitter ends").isTrue();
        assertThat(emitter.exitValue()).as(output).isZero();
    }

    private JsonNode receivedWithId(String id) {
        return received.stream().filter(line -> id.equals(line.path("event").path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the Node receiver did not get " + id + ": " + received));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return JSON.createObjectNode().put("error", "not JSON: " + line);
        }
    }

    /**
     * Node and the installed SDK; without them the test is skipped saying why — except under {@code CI=true}, where
     * {@code .ci/run} installs them, so their absence is a failure.
     */
    private static Path nodeOrSkip() {
        Optional<Path> node = Stream.concat(Stream.of(Path.of("/usr/bin/node")),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(p -> Path.of(p, "node")))
                .filter(Files::isExecutable).findFirst();
        String missing = node.isEmpty() ? "node is not installed"
                : !Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("cloudevents"))
                        ? "the npm cloudevents package is not installed (run npm ci in " + NODE_DIR + ")" : null;
        if (missing == null) {
            return node.get();
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + ", and CI=true: .ci/run installs node and runs npm ci in " + NODE_DIR);
        }
        System.out.println("NodeCloudEventsIT skipped: " + missing);
        Assumptions.abort(missing);
        return node.get();
    }
}
