package dev.kumo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The workload's own start, without Kumo: spawn its command with PORT set and try to connect every millisecond until
 * it accepts; the time from spawn to the first accepted connection.
 */
final class DirectStart {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_NANOS = 1_000_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DirectStart() {
    }

    /** One direct start: spawn → first accepted connection, and spawn → first response to a GET after that. */
    record Start(long acceptNanos, long firstResponseNanos) {
    }

    /** The baseline of a process variant: {@code command} spawned directly. */
    static ColdStartVariant.Baseline spawn(BenchWorkload workload, List<String> command) {
        return new ColdStartVariant.Baseline() {
            @Override
            public String label() {
                return "spawn → accepting, direct (poll-connect 1 ms)";
            }

            @Override
            public List<Start> startTogether(int count) throws IOException, InterruptedException {
                return DirectStart.startTogether(workload, command, count);
            }
        };
    }

    /** Starts {@code command} {@code count} times at once and answers how long each took to accept and answer. */
    static List<Start> startTogether(BenchWorkload workload, List<String> command, int count)
            throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        List<Long> spawned = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int port = freePort();
                ProcessBuilder builder = new ProcessBuilder(command).directory(workload.workingDir().toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("PORT", Integer.toString(port));
                spawned.add(System.nanoTime());
                processes.add(builder.start());
                ports.add(port);
            }
            long[] accepted = new long[count];
            int pending = count;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (pending > 0) {
                for (int i = 0; i < count; i++) {
                    if (accepted[i] == 0 && accepts(ports.get(i))) {
                        accepted[i] = System.nanoTime();
                        pending--;
                    } else if (accepted[i] == 0 && !processes.get(i).isAlive()) {
                        throw new IllegalStateException(workload.name() + ": " + command + " exited with "
                                + processes.get(i).exitValue() + " before it accepted a connection");
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(workload.name() + ": " + command + " did not accept a "
                            + "connection within " + TIMEOUT);
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            List<Start> starts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                get(ports.get(i));
                starts.add(new Start(accepted[i] - spawned.get(i), System.nanoTime() - spawned.get(i)));
            }
            return starts;
        } finally {
            for (Process process : processes) {
                stop(process);
            }
        }
    }

    /**
     * A training run: starts {@code workload} with {@code -XX:AOTCacheOutput=cache}, sends it one request, stops it
     * with SIGTERM and waits while the JVM writes the cache as it exits.
     */
    static void recordAotCache(BenchWorkload workload, Path cache) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(workload.withOptions(List.of("-XX:AOTCacheOutput=" + cache)))
                .directory(workload.workingDir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", Integer.toString(port));
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!accepts(port)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException(workload.name() + ": the AOT training run did not start");
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            get(port);
        } finally {
            stop(process);
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException(workload.name() + ": the AOT training run wrote no cache " + cache);
        }
    }

    private static void get(int port) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static boolean accepts(int port) {
        try (SocketChannel channel = SocketChannel.open()) {
            return channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException refused) {
            return false;
        }
    }

    /** Whether 127.0.0.1:{@code port} answers GET / with a 200 (refused, reset or another status: no). */
    static boolean answers200(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII).endsWith(" 200");
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
