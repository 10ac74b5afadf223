package dev.kumo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
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

    private DirectStart() {
    }

    /** Starts {@code command} {@code count} times at once and answers each one's spawn → accepting nanoseconds. */
    static List<Long> startTogether(BenchWorkload workload, List<String> command, int count)
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
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                nanos.add(accepted[i] - spawned.get(i));
            }
            return nanos;
        } finally {
            for (Process process : processes) {
                stop(process);
            }
        }
    }

    private static boolean accepts(int port) {
        try (SocketChannel channel = SocketChannel.open()) {
            return channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException refused) {
            return false;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
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
