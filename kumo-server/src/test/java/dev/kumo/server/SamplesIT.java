package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.podman.TestPodman;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samples/hello.yaml} — Knative's hello world, unchanged but for its locally built image — applied with the
 * real kubectl becomes Ready and answers through the ingress, as knative/docs' first sample does on a cluster.
 */
class SamplesIT {

    private static final String SERVICE = "/apis/serving.knative.dev/v1/namespaces/default/services/hello";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    static Path temp;
    private static KumoServer server;

    @BeforeAll
    static void start() {
        TestPodman.assume();
        SampleImages.build("helloworld");
        server = ContainerServers.start(temp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            assertThat(ContainerServers.pods(temp.resolve("data"))).as("pods left after close").isEmpty();
        }
    }

    @Test
    void helloYamlAppliedWithKubectlAnswersHelloThroughTheIngress() {
        Kubectl.Result applied = new Kubectl(server, temp).run("apply", "-f",
                SampleImages.manifest("hello.yaml").toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("service.serving.knative.dev/hello created");

        new TestApi(server).awaitCondition(SERVICE, "Ready", "True");
        HttpResponse<String> answer = await("served").atMost(SETTLE)
                .until(() -> new Ingress(server).get("hello.default.localhost", "/"), r -> r.statusCode() == 200);
        // hello.yaml sets TARGET=Kumo: helloworld-go's "Hello ${TARGET}!".
        assertThat(answer.body()).isEqualTo("Hello Kumo!\n");
        assertThat(ContainerServers.pods(temp.resolve("data"))).as("one pod of this server").hasSize(1);
    }
}
