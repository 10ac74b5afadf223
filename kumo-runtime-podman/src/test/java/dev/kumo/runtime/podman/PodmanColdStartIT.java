package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long an image instance takes from {@code start} (pod, container, start) to its first 200 on the loopback
 * port: 10 starts in turn, printed as p50/p99 with the load average. Bounded: 10 starts, 60 s each at most.
 */
class PodmanColdStartIT {

    private static final int STARTS = 10;

    @TempDir
    static Path stateDir;
    private static PodmanRuntime runtime;

    @BeforeAll
    static void startRuntime() {
        TestPodman.assume();
        runtime = PodmanRuntime.start(PodmanRuntimeConfig.defaults(stateDir));
        String warm = runtime.start(PodmanRuntimeIT.busybox("warm-00001").build()).id(); // the service, the image
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.instance(warm).orElseThrow().address()
                .isPresent());
        runtime.stop(warm).join();
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void startToFirst200() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            long begin = System.nanoTime();
            String id = runtime.start(PodmanRuntimeIT.busybox("cold-00001").build()).id();
            InstanceAddress address = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                    .until(() -> runtime.instance(id).orElseThrow().state(), s -> s instanceof InstanceState.Ready)
                    instanceof InstanceState.Ready ready ? ready.address() : null;
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> ok(address));
            millis.add((System.nanoTime() - begin) / 1_000_000);
            runtime.stop(id).join();
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("podman runtime start -> first 200 (busybox httpd, %d starts): p50 %d ms, p99 %d ms, "
                + "all %s; load average %.2f%n", STARTS, sorted.get(STARTS / 2), sorted.getLast(), millis,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(sorted).hasSize(STARTS).allSatisfy(ms -> assertThat(ms).isLessThan(60_000));
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
}
