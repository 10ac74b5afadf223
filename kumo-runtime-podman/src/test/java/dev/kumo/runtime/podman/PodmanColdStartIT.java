package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long an image instance takes from {@code start} to its first 200 on the loopback port, printed as p50/p99
 * with the load: cold (pod, container, start), warm (a warm pod's container started) and, as the baseline, podman's
 * own {@code POST /containers/{id}/start} of a container created ahead in a running pod. Bounded: 10 starts of
 * each, 60 s each at most.
 */
class PodmanColdStartIT {

    private static final int STARTS = 10;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    static Path stateDir;
    @TempDir
    static Path baselineDir;
    private static PodmanRuntime runtime;
    private static PodmanService baseline;

    @BeforeAll
    static void startRuntime() {
        TestPodman.assume();
        runtime = PodmanRuntime.start(PodmanRuntimeConfig.defaults(stateDir));
        String first = runtime.start(PodmanRuntimeIT.busybox("first-00001").build()).id(); // the service, the image
        await().atMost(SETTLE).until(() -> runtime.instance(first).orElseThrow().address().isPresent());
        runtime.stop(first).join();
        baseline = PodmanService.of(Optional.empty(), baselineDir);
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            String key = runtime.dataDirKey();
            runtime.close();
            baseline.close();
            TestPodman.removeLabelled(PodLabels.DATA_DIR_KEY, key);
        }
    }

    @Test
    void startToFirst200ColdWarmAndPodmansOwnStart() {
        List<Long> cold = times(() -> startToFirst200(PodmanRuntimeIT.busybox("cold-00001").build()));
        ImageWorkload warmSpec = PodmanRuntimeIT.busybox("warm-00001").build();
        runtime.prepare(warmSpec, 1);
        List<Long> warm = times(() -> {
            await("a warm pod").atMost(SETTLE).until(() -> runtime.warmPodsReady() == 1);
            return startToFirst200(warmSpec);
        });
        List<Long> direct = times(PodmanColdStartIT::podmansOwnStart);
        System.out.printf("podman runtime start -> first 200 (busybox httpd, %d starts each): cold p50 %d ms, p99 %d "
                + "ms; warm p50 %d ms, p99 %d ms; baseline, podman's start of a created container in a running pod "
                + "p50 %d ms, p99 %d ms; load %s%n  cold %s%n  warm %s%n  direct %s%n", STARTS, p50(cold), p99(cold),
                p50(warm), p99(warm), p50(direct), p99(direct), load(), cold, warm, direct);
        assertThat(List.of(cold, warm, direct)).allSatisfy(millis -> assertThat(millis).hasSize(STARTS)
                .allSatisfy(ms -> assertThat(ms).isLessThan(SETTLE.toMillis())));
    }

    private static List<Long> times(Supplier<Long> start) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            millis.add(start.get());
        }
        return millis;
    }

    private static long startToFirst200(ImageWorkload spec) {
        return timedStart(runtime, spec).millis();
    }

    /** Starts an instance of {@code spec}, waits for its first 200 on its loopback address, and stops it. */
    static TimedStart timedStart(PodmanRuntime runtime, ImageWorkload spec) {
        long begin = System.nanoTime();
        String id = runtime.start(spec).id();
        InstanceAddress address = await().atMost(SETTLE).pollInterval(Duration.ofMillis(1))
                .until(() -> runtime.instance(id).orElseThrow().state(), s -> s instanceof InstanceState.Ready)
                instanceof InstanceState.Ready ready ? ready.address() : null;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> ok(address));
        long millis = (System.nanoTime() - begin) / 1_000_000;
        runtime.stop(id).join();
        return new TimedStart(id, millis);
    }

    /** The instance a start made, and how long it took to answer. */
    record TimedStart(String id, long millis) {
    }

    /** A pod started and a container created in it ahead, then timed: podman's start of it to its first 200. */
    private static long podmansOwnStart() {
        PodmanClient podman = baseline.client().join();
        ImageWorkload spec = PodmanRuntimeIT.busybox("direct-00001").build();
        String instance = "direct-" + System.nanoTime();
        Map<String, String> labels = PodLabels.of(runtime.dataDirKey(), spec.revision(), instance);
        String pod = PodLabels.podName(runtime.dataDirKey(), instance);
        podman.createPod(PodSpecs.pod(pod, labels, spec)).join();
        try {
            podman.startPod(pod).join();
            String container = podman.createContainer(PodSpecs.container(pod + "-1", pod, labels, spec)).join();
            InstanceAddress address = InstanceAddress.loopback(PodPorts.of(podman, pod, spec)
                    .get(PodSpecs.servingPort(spec)));
            long begin = System.nanoTime();
            podman.startContainer(container).join();
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(1)).until(() -> ok(address));
            return (System.nanoTime() - begin) / 1_000_000;
        } finally {
            podman.deletePod(pod).join();
        }
    }

    /** Whether the address answers GET / with a 200. */
    static boolean ok(InstanceAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), 1000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII).endsWith("200");
        } catch (IOException e) {
            return false;
        }
    }

    static long p50(List<Long> millis) {
        return millis.stream().sorted().toList().get(millis.size() / 2);
    }

    /** The 99th percentile of so few starts is the slowest. */
    static long p99(List<Long> millis) {
        return millis.stream().sorted().toList().get((int) Math.ceil(millis.size() * 0.99) - 1);
    }

    /** The load averages as {@code uptime} shows them (1, 5, 15 minutes). */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
