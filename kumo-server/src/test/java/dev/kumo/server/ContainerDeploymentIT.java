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
 * A Deployment of an image (real podman): its template runs in the container runtime, {@code kubectl rollout status}
 * completes, its Pod shows the image, and a Service's loopback address reaches the container.
 */
class ContainerDeploymentIT {

    private static final String IMAGE = "dev.local/kumo-samples/inspector";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("inspector");
    @TempDir
    Path home;

    @Test
    void anImageDeploymentRunsInTheContainerRuntimeBehindItsService() throws IOException {
        Kubectl kubectl = new Kubectl(KUMO.server(), home);
        Path manifest = Files.writeString(home.resolve("inspector.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: inspector
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: inspector}
                  template:
                    metadata:
                      labels: {app: inspector}
                    spec:
                      containers:
                      - name: inspector
                        image: %s
                        ports: [{containerPort: 8080}]
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: inspector
                spec:
                  selector: {app: inspector}
                  ports: [{port: 80, targetPort: 8080}]
                """.formatted(IMAGE));
        Kubectl.Result applied = kubectl.run("apply", "-f", manifest.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();

        Kubectl.Result rollout = kubectl.run("rollout", "status", "deployment/inspector", "--timeout=120s");
        assertThat(rollout.exitCode()).as(rollout.err()).isZero();
        assertThat(rollout.out()).contains("successfully rolled out");
        await("its Pod, a container's").atMost(SETTLE).untilAsserted(() -> {
            assertThat(kubectl.run("get", "pods", "-l", "app=inspector", "-o",
                    "jsonpath={.items[*].metadata.annotations.kumo\\.dev/instance}").out()).startsWith("container/");
            assertThat(kubectl.run("get", "pods", "-l", "app=inspector", "-o",
                    "jsonpath={.items[*].spec.containers[0].image}").out()).isEqualTo(IMAGE);
        });

        HttpClient http = HttpClient.newHttpClient();
        await("the container answers at the Service's address").atMost(SETTLE).untilAsserted(() -> {
            String port = kubectl.run("get", "svc", "inspector", "-o",
                    "jsonpath={.status.loadBalancer.ingress[0].ports[0].port}").out();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        });
        Kubectl.Result deleted = kubectl.run("delete", "deployment", "inspector");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        await("its Pod gone").atMost(SETTLE).until(() -> kubectl.run("get", "pods", "-l", "app=inspector", "-o",
                "name").out().isBlank());
    }
}
