package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.PullSpec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagePullsTest {

    private static final PullSpec WITH_CREDENTIALS = new PullSpec(PullSpec.Policy.IF_NOT_PRESENT, Map.of(
            "127.0.0.1:5000", new PullSpec.RegistryCredential("me", "s3cret"),
            "index.docker.io", new PullSpec.RegistryCredential("hub", "pw")));

    @Test
    void onlyATagLessOrLatestImageWithoutDigestPullsAlwaysByDefault() {
        assertThat(ImagePulls.latestByDefault("gcr.io/knative-releases/knative.dev/eventing/cmd/event_display"))
                .isTrue();
        assertThat(ImagePulls.latestByDefault("ghcr.io/knative/node-server:latest")).isTrue();
        assertThat(ImagePulls.latestByDefault("localhost:5000/hello")).as("a port is not a tag").isTrue();
        assertThat(ImagePulls.latestByDefault("localhost:5000/hello:1")).isFalse();
        assertThat(ImagePulls.latestByDefault("registry.example/hello@sha256:" + "a".repeat(64))).isFalse();
    }

    @Test
    void theRegistryIsTheFirstPartWhenItLooksLikeAHostElseDockerHub() {
        assertThat(ImagePulls.registry("127.0.0.1:5000/team/app:1")).isEqualTo("127.0.0.1:5000");
        assertThat(ImagePulls.registry("registry.example.com/app@sha256:ab")).isEqualTo("registry.example.com");
        assertThat(ImagePulls.registry("localhost/app")).isEqualTo("localhost");
        assertThat(ImagePulls.registry("library/busybox")).isEqualTo("docker.io");
        assertThat(ImagePulls.registry("busybox")).isEqualTo("docker.io");
    }

    @Test
    void theCredentialOfTheImagesRegistryGoesAsBase64UrlJson() {
        String auth = ImagePulls.registryAuth("127.0.0.1:5000/team/app:1", WITH_CREDENTIALS).orElseThrow();

        JsonObject decoded = new JsonObject(new String(Base64.getUrlDecoder().decode(auth), StandardCharsets.UTF_8));
        assertThat(decoded).isEqualTo(new JsonObject().put("username", "me").put("password", "s3cret")
                .put("serveraddress", "127.0.0.1:5000"));
        assertThat(ImagePulls.registryAuth("busybox:1", WITH_CREDENTIALS)).as("Docker Hub's old index name")
                .hasValueSatisfying(hub -> assertThat(new String(Base64.getUrlDecoder().decode(hub),
                        StandardCharsets.UTF_8)).contains("\"hub\""));
        assertThat(ImagePulls.registryAuth("quay.io/app:1", WITH_CREDENTIALS)).isEmpty();
    }
}
