package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against a real Kumo server: the commands a Knative user types, in the order they type them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlIT {

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        kubectl = new Kubectl(server, temp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void applyCreatesThenConfiguresAndReapplyingChangesNothing() {
        assertOk(kubectl.run("apply", "-f", manifest("hello.yaml")), "service.serving.knative.dev/hello created");
        assertOk(kubectl.run("apply", "-f", manifest("hello-v2.yaml")), "service.serving.knative.dev/hello configured");
        // As with Knative, the defaulted container list differs from the manifest's, so kubectl sends the manifest
        // again ("configured"); the server defaults it back to the same spec and the generation stays put.
        assertThat(kubectl.run("apply", "-f", manifest("hello-v2.yaml")).exitCode()).isZero();
        assertOk(kubectl.run("get", "ksvc", "hello", "-o", "jsonpath={.metadata.generation}"), "2");
    }

    @Test
    @Order(2)
    void serverSideApply() {
        assertOk(kubectl.run("apply", "--server-side", "-f", manifest("hello-v2.yaml")),
                "service.serving.knative.dev/hello serverside-applied");
    }

    @Test
    @Order(3)
    void getShowsKnativeColumnsAndYaml() {
        Kubectl.Result table = kubectl.run("get", "ksvc");
        assertOk(table, "hello");
        assertThat(table.out().lines().findFirst().orElseThrow())
                .contains("NAME", "URL", "LATESTCREATED", "LATESTREADY", "READY", "REASON");
        Kubectl.Result yaml = kubectl.run("get", "ksvc", "hello", "-o", "yaml");
        assertOk(yaml, "name: hello");
        assertThat(yaml.out()).contains("kind: Service", "value: v2", "kubectl.kubernetes.io/last-applied-configuration");
        Kubectl.Result revisions = kubectl.run("get", "revisions");
        assertOk(revisions, "hello-00001");
        assertThat(revisions.out().lines().findFirst().orElseThrow()).contains("CONFIG NAME", "GENERATION", "READY");
        Kubectl.Result none = kubectl.run("get", "revisions", "-n", "kube-public");
        assertThat(none.err()).contains("No resources found in kube-public namespace.");
        assertOk(kubectl.run("get", "knative"), "service.serving.knative.dev/hello");
    }

    @Test
    @Order(4)
    void patchThenWaitForReadyAsTheControllersMakeIt() {
        assertOk(kubectl.run("patch", "ksvc", "hello", "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}"),
                "service.serving.knative.dev/hello patched");
        assertOk(kubectl.run("wait", "--for=condition=Ready", "ksvc/hello", "--timeout=60s"),
                "service.serving.knative.dev/hello condition met");
        assertOk(kubectl.run("get", "ksvc", "hello"), "http://hello.default.localhost:");
        // The status subresource is reachable the way kubectl addresses it (the controller owns what it says).
        assertOk(kubectl.run("patch", "ksvc", "hello", "--subresource=status", "--type=merge", "-p",
                "{\"status\":{\"observedGeneration\":1}}"), "service.serving.knative.dev/hello patched");
        assertOk(kubectl.run("get", "ksvc", "-l", "x=y", "-o", "name"), "service.serving.knative.dev/hello");
    }

    @Test
    @Order(5)
    void invalidManifestIsRejectedWithTheFieldAndMessage() {
        Kubectl.Result result = kubectl.run("apply", "-f", manifest("invalid.yaml"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("The Service \"bad\" is invalid: spec.traffic");
    }

    @Test
    @Order(6)
    void fieldsKumoDoesNotHonourYetAreKeptAndWarnedAbout() {
        Kubectl.Result result = kubectl.run("apply", "-f", manifest("not-honoured.yaml"));
        assertOk(result, "service.serving.knative.dev/limited created");
        assertThat(result.err()).contains("Warning: spec.template.spec.containers[0].resources.requests");
        assertOk(kubectl.run("get", "ksvc", "limited", "-o", "jsonpath={.spec.template.spec.containers[0]"
                + ".resources.limits.memory}"), "128Mi");
    }

    @Test
    @Order(7)
    void createNamespaceUsesProtobufAndWorks() {
        assertOk(kubectl.run("create", "namespace", "team-a"), "namespace/team-a created");
        assertOk(kubectl.run("get", "ns"), "team-a");
        assertOk(kubectl.run("apply", "-n", "team-a", "-f", manifest("hello.yaml")),
                "service.serving.knative.dev/hello created");
        assertOk(kubectl.run("get", "ksvc", "-A"), "team-a");
    }

    @Test
    @Order(8)
    void deleteRemovesTheService() {
        assertOk(kubectl.run("delete", "-f", manifest("hello.yaml")), "service.serving.knative.dev \"hello\" deleted");
        Kubectl.Result gone = kubectl.run("get", "ksvc", "hello");
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.err()).contains("NotFound");
    }

    private static void assertOk(Kubectl.Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).as(result.err()).contains(expected);
    }

    /** The manifest with ${SAMPLE} replaced by the absolute path of samples/hello-python, written to the temp dir. */
    private static String manifest(String name) {
        try {
            Path sample = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
            String text = java.nio.file.Files.readString(Path.of(KubectlIT.class.getResource("/manifests/" + name)
                    .toURI())).replace("${SAMPLE}", sample.toString());
            Path file = temp.resolve(name);
            java.nio.file.Files.writeString(file, text);
            return file.toString();
        } catch (URISyntaxException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
