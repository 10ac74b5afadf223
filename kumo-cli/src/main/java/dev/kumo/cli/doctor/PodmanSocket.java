package dev.kumo.cli.doctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One GET to podman's REST API on its unix socket, over HTTP/1.0 so the answer is neither chunked nor kept alive:
 * all {@code kumo doctor} needs to ask a running {@code podman system service} (the server has the full client).
 */
final class PodmanSocket {

    private PodmanSocket() {
    }

    /** The body of a 200 answer to {@code GET path}; an {@link IOException} saying what went wrong otherwise. */
    static String get(Path socket, String path, Duration limit) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            AtomicBoolean late = new AtomicBoolean();
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(limit);
                    late.set(true);
                    channel.close();
                } catch (InterruptedException | IOException e) {
                    // Answered in time (interrupted), or closing failed: either way nothing is left to do.
                }
            });
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: d\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
                while (channel.read(buffer) >= 0) {
                    answer.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                return body(answer.toString(StandardCharsets.UTF_8), path);
            } catch (IOException e) {
                throw new IOException(late.get() ? "no answer within " + limit.toSeconds() + " s"
                        : String.valueOf(e.getMessage()), e);
            } finally {
                watchdog.interrupt();
            }
        }
    }

    private static String body(String answer, String path) throws IOException {
        int end = answer.indexOf("\r\n\r\n");
        String status = answer.lines().findFirst().orElse("");
        if (end < 0 || !status.matches("HTTP/1\\.[01] 200 .*")) {
            throw new IOException("GET " + path + " answered '" + status + "'");
        }
        return answer.substring(end + 4);
    }
}
