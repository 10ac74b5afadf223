package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.common.testing.LocalRegistry;
import dev.kumo.runtime.podman.TestPodman;
import dev.kumo.serving.RuntimeSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Service on an image its registry (Debian's docker-registry on loopback) does not have yet: the pull fails,
 * the Revision is Ready=False ImagePullBackOff with the registry's message, Kumo pulls again with a growing
 * back-off, and once the image is pushed (skopeo, from the sample image in podman's storage) the Revision becomes
 * Ready by itself and answers through the ingress. The registry is in {@code registries-skipping-tag-resolving},
 * so the tag is pulled as written (with tag resolution, a missing image is ContainerMissing before any pull:
 * ImageDigestIT).
 */
class ImagePullBackOffIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions/";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private LocalRegistry registry;
    private KumoServer server;
    private TestApi api;
    private String image;

    @BeforeEach
    void start() {
        TestPodman.assume();
        LocalRegistry.assumeInstalled();
        SampleImages.build("helloworld");
        registry = LocalRegistry.start(temp.resolve("registry"));
        // A name no storage holds: podman must pull it.
        image = registry.host() + "/kumo-it-pull-" + UUID.randomUUID().toString().substring(0, 8) + ":v1";
        server = KumoServer.start(TestServers.config(temp.resolve("data"))
                .withRuntimes(new RuntimeSettings(Set.of(RuntimeName.PROCESS, RuntimeName.CONTAINER),
                        RuntimeName.PROCESS))
                .withRegistriesSkippingTagResolving(Set.of(registry.host())));
        api = new TestApi(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            assertThat(TestPodman.podsOf(temp.resolve("data/instances/container"))).as("pods left").isEmpty();
        }
        if (registry != null) {
            registry.close();
        }
        if (image != null) {
            // Only the name this test pulled: the image itself is the sample's, which keeps its own name.
            try {
                TestPodman.run(Optional.empty(), "untag", image, image);
            } catch (IllegalStateException notPulled) {
                // The test failed before the pull.
            }
        }
    }

    @Test
    void aMissingImageIsImagePullBackOffWithTheRegistrysMessageAndRunsOnceItIsPushed() {
        api.create(SERVICES, """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"later"},
                 "spec":{"template":{"spec":{"containers":[{"image":"%s",
                   "env":[{"name":"TARGET","value":"pushed"}]}]}}}}""".formatted(image));

        JsonNode backingOff = await("ImagePullBackOff").atMost(SETTLE).ignoreExceptions().until(
                () -> api.get(REVISIONS + "later-00001"),
                r -> TestApi.condition(r, "Ready").path("reason").asText().equals("ImagePullBackOff"));
        JsonNode ready = TestApi.condition(backingOff, "Ready");
        assertThat(ready.path("status").asText()).isEqualTo("False");
        assertThat(ready.path("message").asText()).startsWith("Back-off ").contains("pulling image again",
                image, "pulling it failed", "manifest unknown");

        registry.copy("dev.local/kumo-samples/helloworld", image.substring(registry.host().length() + 1,
                image.lastIndexOf(':')), "v1");

        api.awaitCondition(REVISIONS + "later-00001", "Ready", "True");
        HttpResponse<String> answer = await("served").atMost(SETTLE).until(
                () -> new Ingress(server).get("later.default.localhost", "/"), r -> r.statusCode() == 200);
        assertThat(answer.body()).isEqualTo("Hello pushed!\n");
    }
}
