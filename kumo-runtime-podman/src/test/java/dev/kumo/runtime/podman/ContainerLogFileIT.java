package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A container's output reaches the instance's log from the file conmon writes, with real podman: every line of a
 * container that writes fast, in order (podman 4.3's followed stream dropped about a third of them), long lines
 * joined from conmon's partial records, and the lines of earlier runs kept across restarts.
 */
class ContainerLogFileIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final int LINES = 20_000;

    @RegisterExtension
    static final PodRuntimeFixture PODS = new PodRuntimeFixture(LINES + 1000);

    @Test
    void everyLineOfAFastWriterReachesTheLogInOrder() {
        // 2^14 characters: longer than conmon's 8 KiB buffer, so the file holds it as partial records.
        String script = "i=0; while [ $i -lt " + LINES + " ]; do echo \"line $i\"; i=$((i+1)); done; "
                + "s=x; for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do s=$s$s; done; echo \"long $s\"; "
                + "echo done >&2; " + PodRuntimeFixture.HTTPD;
        String id = runtime().start(PodmanRuntimeIT.busybox("chatty-00001").command("sh", "-c", script).build()).id();
        await().atMost(SETTLE).until(() -> runtime().instance(id).orElseThrow().state(),
                state -> state instanceof InstanceState.Ready);

        List<String> expected = new ArrayList<>(IntStream.range(0, LINES).mapToObj(i -> "line " + i).toList());
        expected.add("long " + "x".repeat(1 << 14));
        await().atMost(SETTLE).until(() -> lines(id).size() >= LINES + 2);
        List<String> lines = lines(id);
        assertThat(lines.stream().filter(line -> !line.equals("done")).toList()).containsExactlyElementsOf(expected);
        assertThat(lines).contains("done");
        runtime().stop(id).join();
    }

    @Test
    void linesOfEarlierRunsStayAcrossRestartsAndFollowersSeeEachRun() {
        List<String> followed = Collections.synchronizedList(new ArrayList<>());
        String id = runtime().start(PodmanRuntimeIT.busybox("restarting-00001").command("sh", "-c",
                "echo starting up; echo about to fail >&2; exit 3").build()).id();
        Subscription follow = runtime().logs(id).orElseThrow().follow(100, line -> followed.add(line.text()));

        Instance restarted = await().atMost(SETTLE).until(() -> runtime().instance(id).orElseThrow(),
                instance -> instance.restarts() >= 2 && instance.state() instanceof InstanceState.CrashLoopBackOff);
        follow.close();

        assertThat(lines(id).stream().filter(line -> line.equals("starting up")).count())
                .as("one line per run, earlier runs kept").isGreaterThanOrEqualTo(2);
        assertThat(followed.stream().filter(line -> line.equals("about to fail")).count()).isGreaterThanOrEqualTo(2);
        assertThat(restarted.lastTermination().orElseThrow().lastLogLines())
                .containsExactlyInAnyOrder("starting up", "about to fail");
        runtime().stop(id).join();
    }

    private static PodmanRuntime runtime() {
        return PODS.runtime();
    }

    private static List<String> lines(String id) {
        return runtime().logs(id).orElseThrow().tail(LINES + 1000).stream().map(LogLine::text).toList();
    }
}
