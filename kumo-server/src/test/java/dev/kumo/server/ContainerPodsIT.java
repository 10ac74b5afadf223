package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container instance (real podman) as kubectl sees its Pod: the image in the spec and status, described with its
 * owner, its log read through {@code pods/NAME/log}, and a deleted Pod replaced by a new one. The server scales to
 * zero within seconds, so the Service keeps one instance ({@code min-scale}).
 */
class ContainerPodsIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String IMAGE = "dev.local/kumo-samples/inspector";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("inspector");
    @TempDir
    Path home;

    @Test
    void aContainerInstanceIsAPodDescribedLoggedAndReplacedWhenDeleted() {
        Kubectl kubectl = new Kubectl(KUMO.server(), home);
        KUMO.api().create(SERVICES, ContainerFailuresIT.service("ctr-pods", "\"kumo.dev/runtime\":\"container\","
                + "\"autoscaling.knative.dev/min-scale\":\"1\"", "\"image\":\"" + IMAGE + "\""));
        KUMO.awaitReady(SERVICES + "/ctr-pods", 1, 1);
        String pod = await("one ready Pod").atMost(SETTLE).until(() -> readyPods(kubectl), pods -> pods.size() == 1)
                .getFirst();
        assertThat(pod).startsWith("ctr-pods-00001-deployment-");

        Kubectl.Result described = kubectl.run("describe", "pod", pod);
        assertThat(described.exitCode()).as(described.err()).isZero();
        assertThat(described.out()).contains("Controlled By:  Revision/ctr-pods-00001", "Image:", IMAGE,
                "Ready:          True", "Restart Count:  0", "IP:", "127.0.0.1");
        assertThat(kubectl.run("get", "pod", pod, "-o", "jsonpath={.metadata.annotations.kumo\\.dev/instance}")
                .out()).startsWith("container/");

        await("the container's log").atMost(SETTLE).until(() -> kubectl.run("logs", pod).out()
                .contains("inspector: listening on 8080"));

        Kubectl.Result deleted = kubectl.run("delete", "pod", pod);
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        List<String> replaced = await("a new ready Pod").atMost(SETTLE).until(() -> readyPods(kubectl),
                pods -> pods.size() == 1 && !pods.contains(pod));
        assertThat(replaced.getFirst()).startsWith("ctr-pods-00001-deployment-");
    }

    /** The names of ctr-pods' Pods whose containers are all ready. */
    private static List<String> readyPods(Kubectl kubectl) {
        return kubectl.run("get", "pods", "-l", "serving.knative.dev/service=ctr-pods", "-o",
                "jsonpath={range .items[*]}{.metadata.name} {.status.conditions[?(@.type==\"Ready\")].status}"
                        + "{\"\\n\"}{end}").out().lines()
                .filter(line -> line.endsWith(" True")).map(line -> line.substring(0, line.indexOf(' '))).toList();
    }
}
