package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The test workloads in {@code src/test/resources/workloads} and small helpers to talk to them. */
final class Workloads {

    static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Workloads() {
    }

    static Path dir() {
        try {
            return Path.of(Workloads.class.getResource("/workloads/workload.py").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Python workload in the given mode (serve, exit, silent, spawn, stubborn, unhealthy, fixed). */
    static ProcessWorkload.Builder python(String mode) {
        return WorkloadSpec.process(HELLO).command("python3", "-u", dir().resolve("workload.py").toString())
                .args(mode);
    }

    /** The single-file Java workload, run from its own directory. */
    static ProcessWorkload.Builder java() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return WorkloadSpec.process(HELLO).command(java, "Hello.java").workingDir(dir());
    }

    /** The current state of an instance that must still be known. */
    static InstanceState state(WorkloadRuntime runtime, String id) {
        return runtime.instance(id).map(Instance::state).orElseThrow(() -> new AssertionError("no instance " + id));
    }

    static boolean isReady(WorkloadRuntime runtime, String id) {
        return runtime.instance(id).map(instance -> instance.state() instanceof InstanceState.Ready).orElse(false);
    }

    static InstanceAddress address(WorkloadRuntime runtime, String id) {
        return runtime.instance(id).flatMap(Instance::address).orElseThrow();
    }

    /** GETs a path from the instance and answers the body. */
    static String get(InstanceAddress address, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + path))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Accepts and closes connections until the socket closes, so probes keep reaching this process. */
    static void answerEveryConnection(ServerSocket socket) {
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try {
                    socket.accept().close();
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }
}
