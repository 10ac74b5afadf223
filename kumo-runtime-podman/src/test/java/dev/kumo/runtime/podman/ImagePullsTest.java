package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.PullSpec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImagePullsTest {

    private static final String TAG_LESS = "registry.example.com/team/app";
    private static final PullSpec DEFAULTED_ALWAYS = new PullSpec(PullSpec.Policy.ALWAYS, true, Map.of());
    private static final PullSpec CHOSEN_ALWAYS = new PullSpec(PullSpec.Policy.ALWAYS, false, Map.of());
    private static final String PINGING = "initializing source docker://" + TAG_LESS + ":latest: pinging container "
            + "registry registry.example.com: Get \"https://registry.example.com/v2/\": ";
    private static final String READING = "initializing source docker://" + TAG_LESS + ":latest: reading manifest "
            + "latest in " + TAG_LESS + ": ";

    /** A pull that fails as podman tells it; whether the local copy runs instead. */
    record Row(String name, PullSpec pull, boolean present, String failure, boolean runsLocal) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> failedPulls() {
        return Stream.of(
                new Row("defaulted, connection refused", DEFAULTED_ALWAYS, true,
                        PINGING + "dial tcp 127.0.0.1:443: connect: connection refused", true),
                new Row("defaulted, DNS failure", DEFAULTED_ALWAYS, true,
                        PINGING + "dial tcp: lookup registry.example.com on 10.0.0.53:53: no such host", true),
                new Row("defaulted, timeout", DEFAULTED_ALWAYS, true,
                        PINGING + "dial tcp 203.0.113.7:443: i/o timeout", true),
                new Row("defaulted, no route", DEFAULTED_ALWAYS, true,
                        PINGING + "dial tcp 203.0.113.7:443: connect: no route to host", true),
                new Row("defaulted, 401", DEFAULTED_ALWAYS, true,
                        READING + "unauthorized: authentication required", false),
                new Row("defaulted, 403", DEFAULTED_ALWAYS, true,
                        READING + "denied: requested access to the resource is denied", false),
                new Row("defaulted, 404", DEFAULTED_ALWAYS, true, READING + "name unknown: repository not found",
                        false),
                new Row("defaulted, manifest unknown", DEFAULTED_ALWAYS, true, READING + "manifest unknown", false),
                new Row("explicit Always, connection refused", CHOSEN_ALWAYS, true,
                        PINGING + "dial tcp 127.0.0.1:443: connect: connection refused", false),
                new Row("defaulted, connection refused, no local copy", DEFAULTED_ALWAYS, false,
                        PINGING + "dial tcp 127.0.0.1:443: connect: connection refused", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedPulls")
    void theLocalCopyRunsOnlyWhenAlwaysWasDefaultedAndTheRegistryCouldNotBeReached(Row row) {
        List<ImagePull> told = new ArrayList<>();

        Optional<String> refusal = ImagePulls.refusal((image, policy, auth) -> CompletableFuture.failedFuture(
                new PodmanException("pulling image " + image, 0, row.failure())), TAG_LESS, row.pull(),
                row.present(), told::add);

        if (row.runsLocal()) {
            assertThat(refusal).isEmpty();
            assertThat(told).singleElement().satisfies(pull -> {
                assertThat(pull.outcome()).isEqualTo(ImagePull.Outcome.PULL_FAILED_RAN_LOCAL);
                assertThat(pull.message()).contains("Failed to pull image \"" + TAG_LESS + "\"", row.failure(),
                        "could not be reached", "running the copy present on this machine",
                        "imagePullPolicy is not set");
            });
        } else {
            assertThat(refusal).hasValueSatisfying(why -> assertThat(why).startsWith("ErrImagePull: image "
                    + TAG_LESS).contains(row.failure()));
            assertThat(told).isEmpty();
        }
    }

    @Test
    void aRefusedExplicitAlwaysSaysTheLocalCopyIsNotRunBecauseThePolicyWasChosen() {
        Optional<String> refusal = ImagePulls.refusal((image, policy, auth) -> CompletableFuture.failedFuture(
                new PodmanException("pulling image " + image, 0, "connect: connection refused")), TAG_LESS,
                CHOSEN_ALWAYS, true, pull -> { });

        assertThat(refusal).hasValueSatisfying(why -> assertThat(why).contains("imagePullPolicy is Always",
                "set imagePullPolicy: IfNotPresent"));
    }

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
