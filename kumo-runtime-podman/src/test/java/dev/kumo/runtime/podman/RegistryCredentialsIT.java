package dev.kumo.runtime.podman;

import static dev.kumo.runtime.podman.PodRuntimeFixture.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * imagePullSecrets through real podman and a real registry (Debian's docker-registry on 127.0.0.1 with htpasswd
 * auth): the image pulls with the registry's credential sent as X-Registry-Auth, and fails without it with the
 * registry's message.
 */
class RegistryCredentialsIT {

    private static final String USER = "kumo";
    private static final String PASSWORD = "kumo-it-secret";
    // bcrypt of PASSWORD (cost 4), as htpasswd -B writes it.
    private static final String HTPASSWD = USER + ":$2b$04$uoq1YlZJopbArIVKsoQYC.P6hSh1RDVq1R3rGUQ/i7WQ5xoEoEQJy\n";
    private static final Path REGISTRY = Path.of("/usr/bin/docker-registry");

    @RegisterExtension
    static final PodRuntimeFixture pods = new PodRuntimeFixture();
    @TempDir
    static Path temp;
    private static Process registry;
    private static String host;
    private static String image;

    @BeforeAll
    static void startRegistry() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!Files.isExecutable(REGISTRY) && !ci) {
            System.out.println("skipped: docker-registry is not installed (apt-get install docker-registry)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(REGISTRY) || ci, "no docker-registry");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        host = "127.0.0.1:" + port;
        Files.writeString(temp.resolve("htpasswd"), HTPASSWD);
        Path config = Files.writeString(temp.resolve("config.yml"), """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: %s
                auth:
                  htpasswd:
                    realm: kumo-it
                    path: %s
                """.formatted(temp.resolve("storage"), host, temp.resolve("htpasswd")));
        registry = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("registry.log").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> listening(port));
        image = host + "/kumo-it-pods/busybox:" + UUID.randomUUID().toString().substring(0, 8);
        TestPodman.run(Optional.empty(), "tag", BusyboxImage.reference(), image);
        TestPodman.run(Optional.empty(), "push", "--tls-verify=false", "--creds", USER + ":" + PASSWORD, image);
        TestPodman.run(Optional.empty(), "untag", BusyboxImage.reference(), image);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.destroyForcibly();
        }
    }

    @Test
    void withoutTheCredentialThePullFailsWithTheRegistrysMessage() {
        String id = pods.runtime().start(image("anon-00001", Map.of())).id();

        InstanceState state = pods.awaitInstance(id, i -> i.state().terminal()).state();

        assertThat(((InstanceState.Failed) state).termination().reason()).contains("ErrImagePull", image)
                .containsIgnoringCase("unauthorized");
        pods.runtime().stop(id).join();
    }

    /**
     * A private tag-less image that another namespace pulled with its credential is in local storage; a Revision
     * without the credential (Always by default) gets the registry's 401, and the local copy is not run for it.
     */
    @Test
    void aRefusedPullNeverRunsTheLocalCopyOfAPrivateImage() {
        String tagLess = host + "/kumo-it-pods/busybox-private-" + UUID.randomUUID().toString().substring(0, 8);
        TestPodman.run(Optional.empty(), "tag", BusyboxImage.reference(), tagLess);
        try {
            TestPodman.run(Optional.empty(), "push", "--tls-verify=false", "--creds", USER + ":" + PASSWORD,
                    tagLess);
            String id = pods.runtime().start(WorkloadSpec.image(RevisionRef.ofService("b", "private", "private-00001"),
                    tagLess).command("sh", "-c", HTTPD).pull(new PullSpec(PullSpec.Policy.ALWAYS, true, Map.of()))
                    .build()).id();

            InstanceState state = pods.awaitInstance(id, i -> i.state().terminal()).state();

            assertThat(((InstanceState.Failed) state).termination().reason())
                    .contains("ErrImagePull", tagLess, "is in podman's local storage")
                    .containsIgnoringCase("unauthorized");
            pods.runtime().stop(id).join();
        } finally {
            TestPodman.run(Optional.empty(), "untag", BusyboxImage.reference(), tagLess + ":latest");
        }
    }

    @Test
    void theImagePullsWithTheRegistrysCredentialAndRuns() throws Exception {
        String id = pods.runtime().start(image("authed-00001", Map.of(host,
                new PullSpec.RegistryCredential(USER, PASSWORD)))).id();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        pods.runtime().stop(id).join();
        TestPodman.run(Optional.empty(), "untag", BusyboxImage.reference(), image);
    }

    private static ImageWorkload image(String revision, Map<String, PullSpec.RegistryCredential> credentials) {
        String service = revision.substring(0, revision.lastIndexOf('-'));
        return WorkloadSpec.image(RevisionRef.ofService("default", service, revision), image)
                .command("sh", "-c", HTTPD).pull(new PullSpec(PullSpec.Policy.IF_NOT_PRESENT, credentials)).build();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
