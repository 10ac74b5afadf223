package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samples/hello.yaml} — Knative's hello world, unchanged but for its locally built image — applied with the
 * real kubectl becomes Ready and answers through the ingress, as knative/docs' first sample does on a cluster.
 */
class SamplesIT {

    private static final String SERVICE = "/apis/serving.knative.dev/v1/namespaces/default/services/hello";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("helloworld");
    @TempDir
    Path home;

    @Test
    void helloYamlAppliedWithKubectlAnswersHelloThroughTheIngress() {
        Kubectl.Result applied = new Kubectl(KUMO.server(), home).run("apply", "-f",
                SampleImages.manifest("hello.yaml").toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("service.serving.knative.dev/hello created");

        KUMO.api().awaitCondition(SERVICE, "Ready", "True");
        HttpResponse<String> answer = await("served").atMost(SETTLE)
                .until(() -> KUMO.ingress().get("hello.default.localhost", "/"), r -> r.statusCode() == 200);
        // hello.yaml sets TARGET=Kumo: helloworld-go's "Hello ${TARGET}!".
        assertThat(answer.body()).isEqualTo("Hello Kumo!\n");
        assertThat(KUMO.running()).as("one running container of this server (beside a warm pod)").hasSize(1);
    }
}
