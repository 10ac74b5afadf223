package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.InstanceState;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a Kumo server that will be killed with SIGKILL: starts the spawn workload on a process runtime,
 * prints the workload's {@code pids} line once ready, then blocks until killed.
 */
public final class CrashingServer {

    private CrashingServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(Path.of(args[0])));
        CountDownLatch ready = new CountDownLatch(1);
        runtime.watch(instance -> {
            if (instance.state() instanceof InstanceState.Ready) {
                ready.countDown();
            }
        });
        String id = runtime.start(Workloads.python("spawn").build()).id();
        ready.await();
        runtime.logs(id).orElseThrow().follow(100, line -> {
            if (line.text().startsWith("pids ")) {
                System.out.println(line.text());
                System.out.flush();
            }
        });
        new CountDownLatch(1).await();
    }

}
