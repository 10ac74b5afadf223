package dev.kumo.serving.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.LocalObjectReference;
import dev.kumo.controller.revision.ImageResolutionException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tags resolve to digests through a registry's v2 API, with the auth the registry asks for. */
class ImageDigestsTest {

    private static final String DIGEST = "sha256:" + "1".repeat(64);

    private final FakeRegistry registry = new FakeRegistry();
    private final Map<String, ObjectNode> secrets = new java.util.concurrent.ConcurrentHashMap<>();
    private final ImageDigests digests = new ImageDigests(ImageDigests.KNATIVE_SKIPPED_REGISTRIES, r -> true,
            (namespace, name) -> Optional.ofNullable(secrets.get(namespace + "/" + name)));

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void aTagOnALoopbackRegistryResolvesOverPlainHttpAskingForEveryManifestKind() {
        registry.tag("hello", "v1", DIGEST);

        assertThat(resolve(registry.host() + "/hello:v1")).contains(registry.host() + "/hello@" + DIGEST);
        assertThat(registry.requests()).singleElement().asString().startsWith("HEAD /v2/hello/manifests/v1 null ")
                .contains("application/vnd.oci.image.index.v1+json",
                        "application/vnd.docker.distribution.manifest.list.v2+json",
                        "application/vnd.oci.image.manifest.v1+json",
                        "application/vnd.docker.distribution.manifest.v2+json");
    }

    @Test
    void aBearerChallengeIsAnsweredWithATokenGotWithThePullSecretsCredentials() {
        registry.tag("team/hello", "v1", DIGEST);
        registry.auth(FakeRegistry.Auth.BEARER);
        secrets.put("default/pull", dockerConfig(registry.host(), "auth", FakeRegistry.USER + ":"
                + FakeRegistry.PASSWORD));

        assertThat(resolve(registry.host() + "/team/hello:v1", "pull"))
                .contains(registry.host() + "/team/hello@" + DIGEST);
        assertThat(registry.requests()).hasSize(3);
        assertThat(registry.requests().get(1)).startsWith("GET /token?service=fake-registry"
                + "&scope=repository%3Ateam%2Fhello%3Apull " + FakeRegistry.basic());
        assertThat(registry.requests().get(2)).startsWith("HEAD /v2/team/hello/manifests/v1 Bearer token-for-puller");
    }

    @Test
    void aBasicChallengeIsAnsweredWithThePullSecretsUserAndPassword() {
        registry.tag("hello", "v1", DIGEST);
        registry.auth(FakeRegistry.Auth.BASIC);
        secrets.put("default/pull", dockerConfig("http://" + registry.host() + "/v2/", "username",
                FakeRegistry.USER));

        assertThat(resolve(registry.host() + "/hello:v1", "pull")).contains(registry.host() + "/hello@" + DIGEST);
    }

    @Test
    void withoutCredentialsAProtectedRegistrySaysSo() {
        registry.tag("hello", "v1", DIGEST);
        registry.auth(FakeRegistry.Auth.BEARER);

        assertThatThrownBy(() -> resolve(registry.host() + "/hello:v1"))
                .hasRootCauseInstanceOf(ImageResolutionException.class)
                .rootCause().hasMessage("token request to http://" + registry.host() + "/token: UNAUTHORIZED: "
                        + "incorrect username or password");
    }

    @Test
    void aMissingTagGivesTheRegistrysMessage() {
        assertThatThrownBy(() -> resolve(registry.host() + "/hello:nope"))
                .rootCause().isInstanceOf(ImageResolutionException.class)
                .hasMessage("GET http://" + registry.host() + "/v2/hello/manifests/nope: MANIFEST_UNKNOWN: manifest "
                        + "unknown");
    }

    @Test
    void aMissingPullSecretFailsResolutionNamingIt() {
        registry.tag("hello", "v1", DIGEST);
        assertThatThrownBy(() -> resolve(registry.host() + "/hello:v1", "absent")).rootCause()
                .hasMessage("imagePullSecrets: secret \"absent\" not found in namespace default");
    }

    @Test
    void aRegistryThatDoesNotAnswerIsGivenUpOnWithinTheTimeout() {
        registry.hang();
        ImageDigests impatient = new ImageDigests(Set.of(), r -> true, (n, s) -> Optional.empty(),
                Duration.ofSeconds(1));
        String image = registry.host() + "/hello:v1";
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.digest(revision(image), container(image)).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ImageResolutionException.class)
                .hasMessage("HEAD http://" + registry.host() + "/v2/hello/manifests/v1: no answer within 1s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anUnreachableRegistrySaysHowToRunALocalImageWithoutIt() {
        int port = registry.port();
        registry.close();
        String image = "127.0.0.1:" + port + "/hello:v1";
        assertThatThrownBy(() -> resolve(image)).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(ImageResolutionException.class)
                .hasMessageStartingWith("HEAD http://127.0.0.1:" + port + "/v2/hello/manifests/v1: ")
                .hasMessageEndingWith(" (registry unreachable: an image already in podman's local storage runs "
                        + "without one when named by digest or when its registry is in "
                        + "registries-skipping-tag-resolving)");
    }

    @Test
    void skippedRegistriesDigestsAndProcessRevisionsAskNothing() {
        assertThat(resolve("dev.local/hello:v1")).isEmpty();
        assertThat(resolve("ko.local/hello")).isEmpty();
        String byDigest = registry.host() + "/hello@" + DIGEST;
        assertThat(resolve(byDigest)).contains(byDigest);
        ImageDigests processOnly = new ImageDigests(Set.of(), r -> false, (n, s) -> Optional.empty());
        assertThat(processOnly.digest(revision(registry.host() + "/hello:v1"), container(registry.host()
                + "/hello:v1")).join()).isEmpty();
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void theSkipListIsMatchedAgainstTheRegistryWithItsPortAsKnativeDoes() {
        registry.tag("hello", "v1", DIGEST);
        ImageDigests knative = new ImageDigests(ImageDigests.KNATIVE_SKIPPED_REGISTRIES, r -> true,
                (n, s) -> Optional.empty());
        assertThat(knative.digest(revision("localhost/hello:v1"), container("localhost/hello:v1")).join()).isEmpty();
        String withPort = "localhost:" + registry.port() + "/hello:v1";
        assertThat(knative.digest(revision(withPort), container(withPort)).join())
                .contains("localhost:" + registry.port() + "/hello@" + DIGEST);
    }

    @Test
    void anEmptySkipListResolvesEvenLocalhostRegistries() {
        registry.tag("hello", "v1", DIGEST);
        ImageDigests none = new ImageDigests(Set.of(), r -> true, (n, s) -> Optional.empty());
        String image = "localhost:" + registry.port() + "/hello:v1";
        assertThat(none.digest(revision(image), container(image)).join())
                .contains("localhost:" + registry.port() + "/hello@" + DIGEST);
    }

    @Test
    void concurrentAsksForOneImageShareOneRequestButAnswersAreNotKept() {
        registry.tag("hello", "v1", DIGEST);
        registry.hold();
        String image = registry.host() + "/hello:v1";
        CompletableFuture<Optional<String>> first = digests.digest(revision(image), container(image));
        CompletableFuture<Optional<String>> second = digests.digest(revision(image), container(image));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> registry.requests().size() == 1);
        registry.release();

        assertThat(first.join()).contains(registry.host() + "/hello@" + DIGEST);
        assertThat(second.join()).isEqualTo(first.join());
        assertThat(registry.requests()).hasSize(1);
        // A later ask (a new Revision) asks the registry again.
        digests.digest(revision(image), container(image)).join();
        assertThat(registry.requests()).hasSize(2);
    }

    private Optional<String> resolve(String image, String... pullSecrets) {
        return digests.digest(revision(image, pullSecrets), container(image)).join();
    }

    private static Revision revision(String image, String... pullSecrets) {
        return Revision.of(ObjectMeta.of("default", "hello-00001"), RevisionSpec.builder()
                .containers(List.of(container(image)))
                .imagePullSecrets(java.util.Arrays.stream(pullSecrets).map(LocalObjectReference::new).toList())
                .build());
    }

    private static Container container(String image) {
        return Container.builder().name("user-container").image(image).build();
    }

    /** A kubernetes.io/dockerconfigjson Secret with one entry: {@code auth} (user:password) or username/password. */
    private static ObjectNode dockerConfig(String key, String field, String value) {
        String entry = field.equals("auth")
                ? "{\"auth\":\"" + base64(value) + "\"}"
                : "{\"username\":\"" + value + "\",\"password\":\"" + FakeRegistry.PASSWORD + "\"}";
        return Json.parseObject("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"pull\","
                + "\"namespace\":\"default\"},\"type\":\"kubernetes.io/dockerconfigjson\",\"data\":{"
                + "\".dockerconfigjson\":\"" + base64("{\"auths\":{\"" + key + "\":" + entry + "}}") + "\"}}");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
