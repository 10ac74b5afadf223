package dev.kumo.cli.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP/1.1 request over a unix domain socket, blocking, with {@code Connection: close}: no TLS, no selector
 * thread, none of the JDK client's set-up, which were most of a CLI call's time. For one-shot calls only (no
 * streams).
 */
final class SocketHttp {

    private SocketHttp() {
    }

    /**
     * Sends {@code method target} with {@code headers} ({@code "Name: value"} lines) and {@code body}; empty when
     * nothing listens on {@code socket} (missing, refused, not permitted), so the caller can go elsewhere having
     * sent nothing. A failure once connected is thrown; no answer within {@code timeout} closes the socket.
     */
    static Optional<PlainHttp.Response> send(Path socket, String method, String target, List<String> headers,
            byte[] body, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | SecurityException e) {
            channel.close();
            return Optional.empty();
        }
        Thread watchdog = Thread.ofPlatform().daemon().name("kumo-socket-timeout").start(() -> closeAfter(channel,
                timeout));
        try (channel) {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            if (body.length > 0 || !method.equals("GET")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            write(channel, head.toString().getBytes(StandardCharsets.ISO_8859_1));
            write(channel, body);
            return Optional.of(PlainHttp.read(new BufferedInputStream(Channels.newInputStream(channel))));
        } finally {
            watchdog.interrupt();
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void closeAfter(SocketChannel channel, Duration timeout) {
        try {
            Thread.sleep(timeout);
            channel.close(); // the blocked read ends with AsynchronousCloseException
        } catch (InterruptedException | IOException e) {
            // answered in time, or closed already
        }
    }
}
