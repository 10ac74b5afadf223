package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.address;
import static dev.kumo.runtime.process.Workloads.get;
import static dev.kumo.runtime.process.Workloads.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload's output can be tailed and followed, and stays readable after it stopped. */
class LogsIT {

    @TempDir
    Path stateDir;
    private ProcessRuntime runtime;

    @BeforeEach
    void startRuntime() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @Test
    void followStreamsNewLinesWithTheirRevisionAndInstance() throws Exception {
        String id = runtime.start(Workloads.python("serve").build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));
        List<String> followed = new CopyOnWriteArrayList<>();

        Subscription follow = runtime.logs(id).orElseThrow().follow(1, line -> followed.add(line.prefixed()));
        get(address(runtime, id), "/some/path");
        await().atMost(Duration.ofSeconds(10)).until(() -> followed.contains(
                "hello-00001 > " + id + " | request /some/path"));
        follow.close();

        assertThat(followed.getFirst()).startsWith("hello-00001 > " + id + " | workload serve pid ");
        runtime.stop(id).get(20, TimeUnit.SECONDS);
        assertThat(runtime.logs(id).orElseThrow().tail(10)).extracting(LogLine::text)
                .contains("request /some/path");
        assertThat(stateDir.resolve("logs").resolve(id).resolve("output.log")).exists();
    }
}
