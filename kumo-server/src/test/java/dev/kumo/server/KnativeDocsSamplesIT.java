package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knative's docs samples as published ({@code samples/knative-docs/}, unchanged), applied with the real kubectl and
 * checked as the docs tell the user to: the events reach {@code event_display} and show in its Pod's log
 * ({@code kubectl logs -l app=…}). Their images are {@code gcr.io/knative-releases/…/event_display} with no tag,
 * which pulls Always: build.sh tags the sample {@code event-display} image with those names, the pull fails offline,
 * and the local copy runs with a Warning Event saying so (real podman).
 */
class KnativeDocsSamplesIT {

    private static final Path DOCS = SampleImages.SAMPLES.resolve("knative-docs");
    private static final Duration SETTLE = Duration.ofSeconds(120);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("event-display", "node-server").withDefaultScaleDown();
    @TempDir
    Path home;

    @Test
    void theTroubleshootingExampleDeliversApiServerEventsThroughAChannelToTheDisplay() throws IOException {
        Kubectl kubectl = new Kubectl(KUMO.server(), home);
        Kubectl.Result applied = kubectl.run("apply", "-f", DOCS.resolve("troubleshooting/example.yaml").toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("namespace/knative-debug", "apiserversource.sources.knative.dev/src",
                "subscription.messaging.knative.dev/sub", "deployment.apps/fn", "rolebinding.rbac.authorization.k8s.io"
                        + "/k8s-ra-event-watcher");
        ok(kubectl.run("-n", "knative-debug", "rollout", "status", "deployment/fn", "--timeout=120s"));
        ok(kubectl.run("-n", "knative-debug", "wait", "--for=condition=Ready", "apiserversource/src",
                "subscription/sub", "--timeout=120s"));
        assertThat(kubectl.run("-n", "knative-debug", "get", "events", "--field-selector",
                "involvedObject.kind=Deployment,involvedObject.name=fn,reason=Failed", "-o",
                "jsonpath={.items[*].message}").out())
                .as("the tag-less image's pull failed offline and the local copy ran")
                .contains("Failed to pull image \"gcr.io/knative-releases/knative.dev/eventing/cmd/event_display\"",
                        "running the copy present on this machine");
        awaitServing(kubectl, "knative-debug", "svc");

        Path event = Files.writeString(home.resolve("event.yaml"), """
                apiVersion: v1
                kind: Event
                metadata:
                  name: testevents.docs
                  namespace: knative-debug
                involvedObject:
                  kind: Deployment
                  name: fn
                  namespace: knative-debug
                reason: Checked
                message: made by the docs sample's check
                type: Normal
                """);
        ok(kubectl.run("create", "-f", event.toString()));

        await("the Event, as the display logs it").atMost(SETTLE).untilAsserted(() -> {
            Kubectl.Result logs = kubectl.run("logs", "--namespace=knative-debug", "-l", "app=fn", "--tail=100");
            assertThat(logs.exitCode()).as(logs.err()).isZero();
            assertThat(logs.out()).contains("☁️  cloudevents.Event", "type: dev.knative.apiserver.resource.add",
                    "made by the docs sample's check");
        });
        ok(kubectl.run("delete", "namespace", "knative-debug")); // as the docs remove the sample
        await("its Pods gone").atMost(SETTLE).until(() -> kubectl.run("-n", "knative-debug", "get", "pods", "-o",
                "name").out().isBlank());
    }

    @Test
    void theBookstoreLogTriggerDeliversTheBrokersEventsToTheDisplay() throws Exception {
        Kubectl kubectl = new Kubectl(KUMO.server(), home);
        for (String file : new String[] {"100-event-display.yaml", "200-broker.yaml", "200-log-trigger.yaml"}) {
            ok(kubectl.run("apply", "-f", DOCS.resolve("bookstore").resolve(file).toString()));
        }
        ok(kubectl.run("rollout", "status", "deployment/event-display", "--timeout=120s"));
        ok(kubectl.run("wait", "--for=condition=Ready", "broker/bookstore-broker", "trigger/log-trigger",
                "--timeout=120s"));
        awaitServing(kubectl, "default", "event-display");
        String broker = kubectl.run("get", "broker", "bookstore-broker", "-o", "jsonpath={.status.address.url}")
                .out();

        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(broker))
                .header("ce-specversion", "1.0").header("ce-id", "comment-1").header("ce-source", "/bookstore")
                .header("ce-type", "new-review-comment").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reviewText\":\"a fine book\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);

        await("the event, as the display logs it").atMost(SETTLE).untilAsserted(() -> {
            Kubectl.Result logs = kubectl.run("logs", "-l", "app=event-display", "--tail=100");
            assertThat(logs.exitCode()).as(logs.err()).isZero();
            assertThat(logs.out()).contains("☁️  cloudevents.Event", "type: new-review-comment", "id: comment-1",
                    "{\"reviewText\":\"a fine book\"}");
        });
        for (String file : new String[] {"200-log-trigger.yaml", "200-broker.yaml", "100-event-display.yaml"}) {
            ok(kubectl.run("delete", "-f", DOCS.resolve("bookstore").resolve(file).toString()));
        }
        await("its Pods gone").atMost(SETTLE).until(() -> kubectl.run("get", "pods", "-l", "app=event-display",
                "-o", "name").out().isBlank());
    }

    @Test
    void theBookstoreSinkBindingGivesTheNodeServerTheBrokerWhichLogsTheReviewItForwards() throws Exception {
        Kubectl kubectl = new Kubectl(KUMO.server(), home);
        String[] files = {"100-event-display.yaml", "200-broker.yaml", "200-log-trigger.yaml", "100-deployment.yaml",
            "300-sinkbinding.yaml"};
        for (String file : files) {
            ok(kubectl.run("apply", "-f", DOCS.resolve("bookstore").resolve(file).toString()));
        }
        ok(kubectl.run("wait", "--for=condition=Ready", "sinkbinding/node-sinkbinding", "broker/bookstore-broker",
                "trigger/log-trigger", "trigger/db-insert-trigger", "--timeout=120s"));
        String broker = kubectl.run("get", "broker", "bookstore-broker", "-o", "jsonpath={.status.address.url}")
                .out();
        assertThat(kubectl.run("get", "deployment", "node-server", "-o",
                "jsonpath={.spec.template.spec.containers[0].env[?(@.name==\"K_SINK\")].value}").out())
                .as("the bound Deployment's K_SINK").isEqualTo(broker);
        ok(kubectl.run("rollout", "status", "deployment/node-server", "--timeout=120s"));
        ok(kubectl.run("rollout", "status", "deployment/event-display", "--timeout=120s"));
        awaitServing(kubectl, "default", "event-display");

        // The review the bookstore's front end posts to the node server's /add (index.js), through its Service.
        HttpClient http = HttpClient.newHttpClient();
        // Until the node server listens, its Service's relay closes the connection (no answer): asked again.
        await("the node server forwards the review").atMost(SETTLE).ignoreExceptions().untilAsserted(() -> {
            String port = kubectl.run("get", "svc", "node-server-svc", "-o",
                    "jsonpath={.status.loadBalancer.ingress[0].ports[0].port}").out();
            HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/add")).timeout(Duration.ofSeconds(10)).header("ce-specversion", "1.0")
                    .header("ce-id", "review-1").header("ce-source", "bookstore-frontend")
                    .header("ce-type", "new-review-comment").header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reviewText\":\"a fine book\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            assertThat(added.body()).contains("Event forwarded successfully");
        });

        await("the review, as the display logs it").atMost(SETTLE).untilAsserted(() -> {
            Kubectl.Result logs = kubectl.run("logs", "-l", "app=event-display", "--tail=100");
            assertThat(logs.exitCode()).as(logs.err()).isZero();
            assertThat(logs.out()).contains("☁️  cloudevents.Event", "type: new-review-comment",
                    "source: bookstore-eda", "id: review-1", "{\"reviewText\":\"a fine book\"}");
        });
        assertThat(kubectl.run("logs", "-l", "app=node-server", "--tail=100").out())
                .contains("Event forwarded successfully: review-1");
        for (int i = files.length - 1; i >= 0; i--) {
            ok(kubectl.run("delete", "-f", DOCS.resolve("bookstore").resolve(files[i]).toString()));
        }
        await("its Pods gone").atMost(SETTLE).until(() -> kubectl.run("get", "pods", "-l",
                "app in (event-display,node-server)", "-o", "name").out().isBlank());
    }

    /**
     * Waits until the display answers through its {@code v1} Service. Its Deployment has no readiness probe, so, as in
     * Kubernetes, its Pod is ready (and the rollout done) once the container started, a moment before its server
     * listens; the samples' Subscription and Trigger set no retries, so an event delivered in that moment is dropped,
     * as Knative drops it. The docs' user checks the display later; the test waits for it to serve instead.
     */
    private static void awaitServing(Kubectl kubectl, String namespace, String service) {
        HttpClient http = HttpClient.newHttpClient();
        await(service + " serving through its Service").atMost(SETTLE).ignoreExceptions().untilAsserted(() -> {
            String port = kubectl.run("-n", namespace, "get", "svc", service, "-o",
                    "jsonpath={.status.loadBalancer.ingress[0].ports[0].port}").out();
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/healthz")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).as("any answer of the display's own server").isPositive();
        });
    }

    private static void ok(Kubectl.Result result) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }
}
