package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.runtime.podman.TestPodman;
import dev.kumo.serving.RuntimeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process server running both the process and the container runtime for a test class
 * ({@code @RegisterExtension static}): it skips the class where podman is missing (never on CI), builds the sample
 * images the class names first, scales to zero within seconds (short stable window and grace period) unless told
 * not to ({@link #withDefaultScaleDown}), and on close
 * asserts that no pod of its own is left — told apart from every other Kumo's on the host by its data directory.
 */
final class ContainerServer implements BeforeAllCallback, AfterAllCallback {

    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final String[] images;
    private boolean fastScaleDown = true;
    private Path temp;
    private KumoServer server;

    /** A server for a class whose Services run the sample images {@code images}. */
    ContainerServer(String... images) {
        this.images = images;
    }

    /** This server with the autoscaler's defaults: its Services do not scale to zero within seconds. */
    ContainerServer withDefaultScaleDown() {
        fastScaleDown = false;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        TestPodman.assume();
        SampleImages.build(images);
        temp = Files.createTempDirectory("kumo-container-it");
        ServerConfig config = TestServers.config(dataDir())
                .withRuntimes(new RuntimeSettings(Set.of(RuntimeName.PROCESS, RuntimeName.CONTAINER),
                        RuntimeName.PROCESS));
        server = KumoServer.start(fastScaleDown ? config.withAutoscaler(AutoscalerConfig.parse(Map.of(
                "stable-window", "6s", "scale-to-zero-grace-period", "1s"))) : config);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
            assertThat(pods()).as("pods left after close").isEmpty();
        }
        if (temp != null) {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(ContainerServer::delete);
            }
        }
    }

    KumoServer server() {
        return server;
    }

    TestApi api() {
        return new TestApi(server);
    }

    Ingress ingress() {
        return new Ingress(server);
    }

    /** The pods of this server (its container runtime's state is {@code DATA_DIR/instances/container}). */
    List<String> pods() {
        return TestPodman.podsOf(stateDir());
    }

    /** This server's running workload containers: one per serving instance (not the warm pool's, not created ones). */
    List<String> running() {
        return TestPodman.runningOf(stateDir());
    }

    /** This server's warm pods (made ahead for a Revision at zero or the next replica, not taken). */
    List<String> warmPods() {
        return TestPodman.warmPodsOf(stateDir());
    }

    private Path stateDir() {
        return dataDir().resolve("instances").resolve("container");
    }

    /** Waits until the object at {@code path} is Ready at {@code generation} with {@code targets} traffic targets. */
    JsonNode awaitReady(String path, long generation, int targets) {
        TestApi api = api();
        return await("Ready at generation " + generation).atMost(SETTLE)
                .ignoreExceptionsInstanceOf(AssertionError.class).until(() -> api.get(path),
                object -> TestApi.condition(object, "Ready").path("status").asText().equals("True")
                        && object.at("/status/observedGeneration").asLong() == generation
                        && object.at("/status/traffic").size() == targets);
    }

    /** The server's data directory (where the CLI finds its URL, token and certificate). */
    Path dataDir() {
        return temp.resolve("data");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + file, e);
        }
    }
}
