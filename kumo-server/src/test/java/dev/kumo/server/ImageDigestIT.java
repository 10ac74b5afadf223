package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.common.testing.LocalRegistry;
import dev.kumo.runtime.podman.TestPodman;
import dev.kumo.serving.RuntimeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Revision created through the API has its image tag resolved to the digest a real registry (Debian's
 * docker-registry on loopback) holds, once: a retag does not change it, a new Revision resolves anew; registries of
 * {@code registries-skipping-tag-resolving} keep the tag; a missing tag is ContainerMissing with the registry's
 * message. The container runtime is named on (images are resolved only for what it runs); most images here are not
 * runnable (what is asserted is their digests), one test runs a sample image pushed to the registry by digest.
 */
class ImageDigestIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions/";

    @TempDir
    Path temp;

    private LocalRegistry registry;
    private KumoServer server;
    private TestApi api;

    @BeforeEach
    void start() {
        LocalRegistry.assumeInstalled();
        registry = LocalRegistry.start(temp.resolve("registry"));
        server = KumoServer.start(withContainerRuntime(TestServers.config(temp.resolve("data"))));
        api = new TestApi(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (registry != null) {
            registry.close();
        }
        // Only what pulls from this test's registry named: by tag, removed (podman only untags an image that has
        // other names, such as a sample's). A name by digest cannot be untagged in podman 4.3 ("untag by digest not
        // supported"): it stays on the image, which is the sample's own (same layers and config).
        if (registry != null && TestPodman.present()) {
            for (String line : TestPodman.run(Optional.empty(), "images", "--format", "{{.Repository}}:{{.Tag}}")
                    .lines().map(String::strip).toList()) {
                if (line.startsWith(registry.host() + "/") && !line.endsWith(":<none>")) {
                    TestPodman.run(Optional.empty(), "rmi", line);
                }
            }
        }
    }

    @Test
    void aRevisionKeepsTheDigestItsTagHadWhenItWasCreatedAndANewRevisionResolvesAnew() {
        String image = registry.host() + "/hello:v1";
        String first = registry.push("hello", "v1", "first build");
        api.create(SERVICES, service("hello", image, "one"));

        assertThat(awaitDigest("hello-00001")).isEqualTo(registry.host() + "/hello@" + first);
        assertThat(TestApi.condition(api.get(REVISIONS + "hello-00001"), "ContainerHealthy").path("reason").asText())
                .isNotEqualTo("ContainerMissing");

        String second = registry.push("hello", "v1", "second build");
        assertThat(second).isNotEqualTo(first);
        api.send("PATCH", SERVICES + "/hello", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\""
                + image + "\",\"env\":[{\"name\":\"BUILD\",\"value\":\"two\"}]}]}}}}", "application/merge-patch+json");

        assertThat(awaitDigest("hello-00002")).isEqualTo(registry.host() + "/hello@" + second);
        JsonNode old = api.get(REVISIONS + "hello-00001");
        assertThat(old.at("/status/containerStatuses/0/imageDigest").asText())
                .isEqualTo(registry.host() + "/hello@" + first);
        assertThat(old.at("/spec/containers/0/image").asText()).isEqualTo(image);
    }

    /**
     * Push → resolve → pull by digest → run, with a runnable image: the sample copied into the registry under a name
     * no storage holds; the Revision's digest is what {@code skopeo inspect} shows, its container runs
     * {@code NAME@sha256:…} and answers; after the tag moves to another image, the old Revision keeps its digest
     * (and its container), a new one resolves and runs the other image.
     */
    @Test
    void aPushedImageIsResolvedPulledByDigestAndRunAndARetagLeavesTheOldRevisionOnItsDigest() {
        TestPodman.assume();
        SampleImages.build("helloworld", "sidecar");
        String name = "kumo-it-digest-" + UUID.randomUUID().toString().substring(0, 8);
        String image = registry.host() + "/" + name + ":v1";
        String pushed = registry.copy("dev.local/kumo-samples/helloworld", name, "v1");
        assertThat(registry.digest(name, "v1")).isEqualTo(pushed);

        api.create(SERVICES, service("pushed", image, "one"));

        String byDigest = registry.host() + "/" + name + "@" + pushed;
        assertThat(awaitDigest("pushed-00001")).isEqualTo(byDigest);
        api.awaitCondition(REVISIONS + "pushed-00001", "Ready", "True");
        assertThat(await("served").atMost(Duration.ofSeconds(60)).until(() -> new Ingress(server)
                .get("pushed.default.localhost", "/"), r -> r.statusCode() == 200).body()).isEqualTo("Hello World!\n");
        assertThat(runningImages()).containsEntry("pushed-00001", byDigest);

        String moved = registry.copy("dev.local/kumo-samples/sidecar", name, "v1");
        assertThat(moved).isNotEqualTo(pushed);
        api.send("PATCH", SERVICES + "/pushed", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\""
                + image + "\",\"env\":[{\"name\":\"SIDECAR_PORT\",\"value\":\"8080\"}]}]}}}}",
                "application/merge-patch+json");

        assertThat(awaitDigest("pushed-00002")).isEqualTo(registry.host() + "/" + name + "@" + moved);
        api.awaitCondition(REVISIONS + "pushed-00002", "Ready", "True");
        assertThat(await("served by the new image").atMost(Duration.ofSeconds(60)).until(() -> new Ingress(server)
                .get("pushed.default.localhost", "/"), r -> r.body().startsWith("Yay")).body())
                .isEqualTo("Yay!! multi-container works\n");
        assertThat(api.get(REVISIONS + "pushed-00001").at("/status/containerStatuses/0/imageDigest").asText())
                .isEqualTo(byDigest);
        assertThat(runningImages()).containsEntry("pushed-00002", registry.host() + "/" + name + "@" + moved);
    }

    @Test
    void aRegistrySkippingTagResolvingKeepsTheTag() {
        api.create(SERVICES, service("local", "dev.local/hello:v1", "one"));

        JsonNode revision = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api.get(REVISIONS + "local-00001"),
                r -> r.at("/status/containerStatuses").size() == 1);
        assertThat(revision.at("/status/containerStatuses/0/name").asText()).isEqualTo("user-container");
        assertThat(revision.at("/status/containerStatuses/0").has("imageDigest")).isFalse();
        assertThat(revision.at("/spec/containers/0/image").asText()).isEqualTo("dev.local/hello:v1");
        assertThat(TestApi.condition(revision, "ContainerHealthy").path("reason").asText())
                .isNotEqualTo("ContainerMissing");
    }

    @Test
    void theServersSkipListIsTheOneHonoured() {
        server.close();
        server = KumoServer.start(withContainerRuntime(TestServers.config(temp.resolve("skipping")))
                .withRegistriesSkippingTagResolving(java.util.Set.of(registry.host())));
        api = new TestApi(server);
        registry.push("hello", "v1", "a build");
        String image = registry.host() + "/hello:v1";
        api.create(SERVICES, service("kept", image, "one"));

        JsonNode revision = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> api.get(REVISIONS + "kept-00001"),
                r -> r.at("/status/containerStatuses").size() == 1);
        assertThat(revision.at("/status/containerStatuses/0").has("imageDigest")).isFalse();
        assertThat(revision.at("/spec/containers/0/image").asText()).isEqualTo(image);
    }

    @Test
    void aMissingTagIsContainerMissingWithTheRegistrysMessageAndTheImageIsKept() {
        registry.push("hello", "v1", "a build");
        String image = registry.host() + "/hello:nope";
        api.create(SERVICES, service("missing", image, "one"));

        JsonNode revision = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> api.get(REVISIONS + "missing-00001"),
                r -> TestApi.condition(r, "Ready").path("status").asText().equals("False"));
        JsonNode ready = TestApi.condition(revision, "Ready");
        assertThat(ready.path("reason").asText()).isEqualTo("ContainerMissing");
        assertThat(ready.path("message").asText()).isEqualTo("Unable to fetch image \"" + image + "\": GET http://"
                + registry.host() + "/v2/hello/manifests/nope: MANIFEST_UNKNOWN: manifest unknown");
        assertThat(TestApi.condition(revision, "ContainerHealthy").path("reason").asText())
                .isEqualTo("ContainerMissing");
        assertThat(revision.at("/spec/containers/0/image").asText()).isEqualTo(image);
        assertThat(revision.at("/status/containerStatuses").isMissingNode()).isTrue();
    }

    /**
     * The container runtime named on, so that image-only Revisions are the container runtime's to run and have their
     * images resolved. Until kumo-runtime-podman is built in, nothing runs them: they are Ready=False for that.
     */
    private static ServerConfig withContainerRuntime(ServerConfig config) {
        return config.withRuntimes(new RuntimeSettings(java.util.Set.of(RuntimeName.PROCESS, RuntimeName.CONTAINER),
                RuntimeName.PROCESS));
    }

    /** The image each of this server's running workload containers runs, by its revision ({@code podman inspect}). */
    private Map<String, String> runningImages() {
        Map<String, String> images = new TreeMap<>();
        for (String container : TestPodman.runningOf(temp.resolve("data/instances/container"))) {
            String line = TestPodman.run(Optional.empty(), "inspect", "--format",
                    "{{index .Config.Labels \"dev.kumo/revision\"}} {{.ImageName}}", container).strip();
            images.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
        }
        return images;
    }

    private String awaitDigest(String revision) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> api.get(REVISIONS + revision).at("/status/containerStatuses/0/imageDigest").asText(""),
                digest -> !digest.isEmpty());
    }

    private static String service(String name, String image, String build) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"" + image + "\",\"env\":[{"
                + "\"name\":\"BUILD\",\"value\":\"" + build + "\"}]}]}}}}";
    }
}
