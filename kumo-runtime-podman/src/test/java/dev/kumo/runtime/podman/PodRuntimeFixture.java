package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.process.CrashBackoff;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link PodmanRuntime} for one IT class ({@code @RegisterExtension static}), on a state directory of its own
 * with a short crash backoff, and the waits its tests share; after the class it checks no pod is left and removes,
 * by its label only, anything that was.
 */
final class PodRuntimeFixture implements BeforeAllCallback, AfterAllCallback {

    static final Duration SETTLE = Duration.ofSeconds(60);
    /** The busybox image's static server on $PORT. */
    static final String HTTPD = "exec httpd -f -p $PORT -h /www";

    private final int logLinesKept;
    private Path stateDir;
    private PodmanRuntime runtime;

    /** A runtime keeping the default number of log lines per instance. */
    PodRuntimeFixture() {
        this(0);
    }

    /** A runtime keeping {@code logLinesKept} log lines per instance (0: the default). */
    PodRuntimeFixture(int logLinesKept) {
        this.logLinesKept = logLinesKept;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        TestPodman.assume();
        stateDir = Files.createTempDirectory("kumo-pods-it");
        PodmanRuntimeConfig config = PodmanRuntimeConfig.defaults(stateDir)
                .withBackoff(new CrashBackoff(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(10)));
        // Lines of the test image's output are under 100 bytes each.
        runtime = PodmanRuntime.start(logLinesKept == 0 ? config
                : config.withLogRetention(config.logs().withMaxBytes(200L * logLinesKept)));
    }

    PodmanRuntime runtime() {
        return runtime;
    }

    /** Waits until the instance's snapshot matches. */
    Instance awaitInstance(String id, Predicate<Instance> wanted) {
        return await().atMost(SETTLE).until(() -> runtime.instance(id).orElseThrow(), wanted);
    }

    InstanceAddress awaitReady(String id) {
        return awaitInstance(id, i -> i.state() instanceof InstanceState.Ready).address().orElseThrow();
    }

    /** Waits until the instance's log has a line containing {@code text}. */
    void awaitLine(String id, String text) {
        await().atMost(SETTLE).until(() -> lines(id).stream().anyMatch(line -> line.contains(text)));
    }

    List<String> lines(String id) {
        return runtime.logs(id).orElseThrow().tail(200).stream().map(LogLine::text).toList();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (runtime == null) {
            return;
        }
        String key = runtime.dataDirKey();
        runtime.close();
        List<String> left = TestPodman.pods(PodLabels.DATA_DIR_KEY, key);
        TestPodman.removeLabelled(PodLabels.DATA_DIR_KEY, key);
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        assertThat(left).as("pods left after close").isEmpty();
    }
}
