package dev.kumo.runtime.podman;

import static dev.kumo.runtime.podman.PodRuntimeFixture.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.PullSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * imagePullPolicy through real podman. The busybox image is tagged as if it came from a registry on 127.0.0.1:1,
 * where nothing listens: a pull attempt fails at once with the registry's error, so running the tag proves no pull
 * was made.
 */
class ImagePullPolicyIT {

    private static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    private static final String UNIQUE = UUID.randomUUID().toString().substring(0, 8);
    private static final String ELSEWHERE = "127.0.0.1:1/kumo-it-pods/busybox:" + UNIQUE;
    /** Tag-less (Kubernetes' :latest, Always by default), as Knative's samples name their images. */
    private static final String ELSEWHERE_LATEST = "127.0.0.1:1/kumo-it-pods/busybox-" + UNIQUE;
    /** Always as Kubernetes' default for a tag-less image: no imagePullPolicy written. */
    private static final PullSpec DEFAULTED_ALWAYS = new PullSpec(PullSpec.Policy.ALWAYS, true, Map.of());

    @RegisterExtension
    static final PodRuntimeFixture pods = new PodRuntimeFixture();

    @BeforeAll
    static void start() {
        TestPodman.run(Optional.empty(), "tag", BusyboxImage.reference(), ELSEWHERE);
        TestPodman.run(Optional.empty(), "tag", BusyboxImage.reference(), ELSEWHERE_LATEST);
    }

    @AfterAll
    static void close() {
        TestPodman.run(Optional.empty(), "untag", BusyboxImage.reference(), ELSEWHERE);
        TestPodman.run(Optional.empty(), "untag", BusyboxImage.reference(), ELSEWHERE_LATEST + ":latest");
    }

    @Test
    void neverWithAMissingImageFailsNamingTheImage() {
        String missing = "dev.local/kumo-it-pods-missing:" + UNIQUE;
        String id = pods.runtime().start(image("never-00001", missing, PullSpec.Policy.NEVER)).id();

        InstanceState state = pods.awaitInstance(id, i -> i.state().terminal()).state();

        assertThat(((InstanceState.Failed) state).termination().reason())
                .contains("ErrImageNeverPull", "\"" + missing + "\"", "pull policy of Never");
        pods.runtime().stop(id).join();
    }

    @Test
    void ifNotPresentRunsALocalImageWithoutPulling() throws Exception {
        String id = pods.runtime().start(image("local-00001", ELSEWHERE, PullSpec.Policy.IF_NOT_PRESENT)).id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        pods.runtime().stop(id).join();
    }

    @Test
    void neverRunsALocalImage() throws Exception {
        String id = pods.runtime().start(image("kept-00001", ELSEWHERE, PullSpec.Policy.NEVER)).id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        pods.runtime().stop(id).join();
    }

    @Test
    void alwaysPullsEvenAPresentImageAndAFailedPullIsErrImagePullWithTheRegistrysMessage() {
        String id = pods.runtime().start(image("fresh-00001", ELSEWHERE, PullSpec.Policy.ALWAYS)).id();

        InstanceState state = pods.awaitInstance(id, i -> i.state().terminal()).state();

        assertThat(((InstanceState.Failed) state).termination().reason())
                .contains("ErrImagePull", ELSEWHERE, "imagePullPolicy is Always", "127.0.0.1:1");
        pods.runtime().stop(id).join();
    }

    @Test
    void aTagLessImageWhosePullFailsRunsTheLocalCopyAndSaysSo() throws Exception {
        String id = pods.runtime().start(image("offline-00001", ELSEWHERE_LATEST, DEFAULTED_ALWAYS)).id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        assertThat(pods.awaitInstance(id, i -> !i.images().isEmpty()).images()).singleElement().satisfies(pull -> {
            assertThat(pull.outcome()).isEqualTo(ImagePull.Outcome.PULL_FAILED_RAN_LOCAL);
            assertThat(pull.message()).contains("Failed to pull image \"" + ELSEWHERE_LATEST + "\"", "127.0.0.1:1",
                    "running the copy present on this machine");
        });
        pods.runtime().stop(id).join();
    }

    @Test
    void aChosenAlwaysNeverRunsTheLocalCopyOfATagLessImage() {
        String id = pods.runtime().start(image("chosen-00001", ELSEWHERE_LATEST, PullSpec.Policy.ALWAYS)).id();

        InstanceState state = pods.awaitInstance(id, i -> i.state().terminal()).state();

        assertThat(((InstanceState.Failed) state).termination().reason())
                .contains("ErrImagePull", ELSEWHERE_LATEST, "connection refused", "not run under a chosen");
        pods.runtime().stop(id).join();
    }

    /**
     * The warm pool's pull is told by the instance that starts in its pod: an IfNotPresent image missing here, pulled
     * from a registry on 127.0.0.1 when the warm pod was made, is "Successfully pulled", not "already present".
     */
    @Test
    void aStartFromAWarmPodTellsHowTheWarmPodHadItsImage(@TempDir Path registryDir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(REGISTRY) || "true".equals(System.getenv("CI")),
                () -> "skipped: docker-registry is not installed (apt-get install docker-registry)");
        Process registry = startRegistry(registryDir);
        String pushed = host(registryDir) + "/kumo-it-pods/busybox:warm-" + UNIQUE;
        ImageWorkload spec = image("warmpull-00001", pushed, PullSpec.Policy.IF_NOT_PRESENT);
        try {
            TestPodman.run(Optional.empty(), "tag", BusyboxImage.reference(), pushed);
            TestPodman.run(Optional.empty(), "push", "--tls-verify=false", pushed);
            TestPodman.run(Optional.empty(), "untag", BusyboxImage.reference(), pushed);
            pods.runtime().prepare(spec, 1);
            await("a warm pod of warmpull-00001").atMost(Duration.ofSeconds(60))
                    .until(() -> pods.runtime().warmPodsReady() == 1);

            String id = pods.runtime().start(spec).id();

            assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
            assertThat(pods.awaitInstance(id, i -> !i.images().isEmpty()).images()).singleElement()
                    .satisfies(pull -> {
                        assertThat(pull.outcome()).isEqualTo(ImagePull.Outcome.PULLED);
                        assertThat(pull.message()).startsWith("Successfully pulled image \"" + pushed + "\"");
                    });
            pods.runtime().stop(id).join();
        } finally {
            pods.runtime().prepare(spec, 0);
            TestPodman.run(Optional.empty(), "rmi", "--ignore", pushed);
            registry.destroyForcibly();
        }
    }

    @Test
    void ifNotPresentTellsTheImageWasAlreadyPresent() {
        String id = pods.runtime().start(image("present-00001", ELSEWHERE, PullSpec.Policy.IF_NOT_PRESENT)).id();

        assertThat(pods.awaitReady(id)).isNotNull();
        assertThat(pods.awaitInstance(id, i -> !i.images().isEmpty()).images()).singleElement()
                .satisfies(pull -> assertThat(pull.message()).isEqualTo("Container image \"" + ELSEWHERE
                        + "\" already present on machine"));
        pods.runtime().stop(id).join();
    }

    @Test
    void alwaysRunsAPresentImageOfALocalOnlyRegistry() throws Exception {
        String id = pods.runtime().start(image("devlocal-00001", BusyboxImage.reference(), PullSpec.Policy.ALWAYS))
                .id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        pods.runtime().stop(id).join();
    }

    /** Debian's docker-registry, anonymous, on a free port of 127.0.0.1, storing under {@code dir}. */
    private static Process startRegistry(Path dir) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(dir.resolve("host"), "127.0.0.1:" + port);
        Path config = Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("storage"), port));
        Process registry = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        await("the registry listening").atMost(Duration.ofSeconds(30)).until(() -> listening(port));
        return registry;
    }

    private static String host(Path registryDir) throws IOException {
        return Files.readString(registryDir.resolve("host"));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ImageWorkload image(String revision, String image, PullSpec.Policy policy) {
        return image(revision, image, new PullSpec(policy, Map.of()));
    }

    private static ImageWorkload image(String revision, String image, PullSpec pull) {
        String service = revision.substring(0, revision.lastIndexOf('-'));
        return WorkloadSpec.image(RevisionRef.ofService("default", service, revision), image)
                .command("sh", "-c", HTTPD).pull(pull).build();
    }
}
