package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samples/flows/sequence.yaml} and {@code parallel.yaml} — knative/docs' Sequence and Parallel samples with
 * Python process functions — applied unchanged with the real kubectl to a server run from the repository root:
 * everything becomes Ready and an event sent to the flow's address reaches event-display transformed as the docs
 * show, once the Services are Ready. (The samples' PingSources fire every one or two minutes; the test does not
 * wait for them.)
 */
class FlowSamplesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path temp;

    private static final java.time.Instant STARTED = java.time.Instant.now();
    private static ServerProcess server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        server = ServerProcess.startIn(ROOT, temp.resolve("data"));
        await().atMost(SETTLE).until(server::ready);
        kubectl = new Kubectl(server.access(), temp);
    }

    @AfterAll
    static void stop() {
        server.close();
        // No instance outlives its server: the samples' functions ran as processes of this server only.
        await("the samples' processes stopped with the server").atMost(Duration.ofSeconds(15)).until(() ->
                ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("functions.py")
                        && p.info().startInstant().map(started -> started.isAfter(STARTED)).orElse(false)));
    }

    @Test
    void theSequenceSampleHandsTheMessageThroughTheThreeStepsToEventDisplay() throws Exception {
        String address = apply("sequence.yaml", "seq-sample", "sequence", "sequence");

        assertThat(post(address, "2026-12-06T10:00:00Z", "{\"message\": \"Hello world!\"}").statusCode())
                .isEqualTo(202);

        await().atMost(SETTLE).untilAsserted(() -> assertThat(displayed("seq-sample"))
                .contains("Hello world! - Handled by 0 - Handled by 1 - Handled by 2"));
    }

    @Test
    void theParallelSampleTakesOnlyTheBranchWhoseFilterPasses() throws Exception {
        String address = apply("parallel.yaml", "par-sample", "parallel", "odd-even-parallel");

        assertThat(post(address, "2026-12-06T10:02:00Z", "{\"message\": \"Even or odd?\"}").statusCode())
                .isEqualTo(202);

        await().atMost(SETTLE).untilAsserted(() -> assertThat(displayed("par-sample")).contains("we are even!"));
        assertThat(displayed("par-sample")).doesNotContain("this is odd!");
    }

    /** Applies the sample in its own namespace and waits for the flow to be Ready; returns its address. */
    private static String apply(String sample, String namespace, String kind, String name) {
        assertThat(kubectl.run("create", "namespace", namespace).exitCode()).isZero();
        Kubectl.Result applied = kubectl.run("apply", "-n", namespace, "-f",
                ROOT.resolve("samples/flows").resolve(sample).toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        await().atMost(SETTLE).untilAsserted(() -> assertThat(kubectl.run("get", kind, name, "-n", namespace, "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}").out()).isEqualTo("True"));
        // As the docs have the reader check `kubectl get ksvc` first: a step without retries would drop an event
        // that arrives while its Service is not routed yet.
        await().atMost(SETTLE).untilAsserted(() -> assertThat(kubectl.run("get", "ksvc", "-n", namespace, "-o",
                "jsonpath={.items[*].status.conditions[?(@.type==\"Ready\")].status}").out().split(" "))
                .containsOnly("True"));
        return kubectl.run("get", kind, name, "-n", namespace, "-o", "jsonpath={.status.address.url}").out();
    }

    private static String displayed(String namespace) {
        return new Ingress(server).get("event-display." + namespace + ".localhost", "/").body();
    }

    private static HttpResponse<String> post(String address, String time, String data) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(address)).header("ce-specversion", "1.0")
                .header("ce-id", "sample-" + time).header("ce-source", "/flow-samples-it")
                .header("ce-type", "dev.knative.sources.ping").header("ce-time", time)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(data)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
