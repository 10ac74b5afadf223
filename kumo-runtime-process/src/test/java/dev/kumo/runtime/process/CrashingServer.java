package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.InstanceState;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a Kumo server that will be killed with SIGKILL: starts instances of a workload mode (arguments:
 * state dir, then optionally the mode, default spawn, and the count, default 1) on a process runtime, prints each
 * workload's {@code pids} line once they are all ready, then blocks until killed.
 */
public final class CrashingServer {

    private CrashingServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String mode = args.length > 1 ? args[1] : "spawn";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(Path.of(args[0])));
        CountDownLatch ready = new CountDownLatch(count);
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        runtime.watch(instance -> {
            if (instance.state() instanceof InstanceState.Ready && seen.add(instance.id())) {
                ready.countDown();
            }
        });
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(runtime.start(Workloads.python(mode).build()).id());
        }
        ready.await();
        for (String id : ids) {
            runtime.logs(id).orElseThrow().follow(100, line -> {
                if (line.text().startsWith("pids ")) {
                    System.out.println(line.text());
                    System.out.flush();
                }
            });
        }
        new CountDownLatch(1).await();
    }

}
