package dev.kumo.cli.aot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * The training's stand-in on a unix socket, as a local server serves {@code DATA_DIR/api.sock}: reads each request
 * head and answers with what {@code answer} makes of its path and {@code Accept} header, then closes.
 */
final class TrainingSocket implements AutoCloseable {

    /** An answer: status code and JSON body. */
    record Answer(int code, String body) {
    }

    private final ServerSocketChannel server;
    private final Thread thread;

    private TrainingSocket(ServerSocketChannel server, BiFunction<String, String, Answer> answer) {
        this.server = server;
        this.thread = Thread.ofPlatform().daemon().name("training-socket").start(() -> serve(answer));
    }

    static TrainingSocket start(Path socket, BiFunction<String, String, Answer> answer) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new TrainingSocket(server, answer);
    }

    private void serve(BiFunction<String, String, Answer> answer) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String head = head(client);
                String path = head.substring(head.indexOf(' ') + 1, head.indexOf(" HTTP/"));
                String accept = head.lines().filter(l -> l.regionMatches(true, 0, "Accept:", 0, 7)).findFirst()
                        .map(l -> l.substring(7).trim()).orElse("");
                Answer answered = answer.apply(path.replaceFirst("\\?.*", ""), accept);
                byte[] body = answered.body().getBytes(StandardCharsets.UTF_8);
                String response = "HTTP/1.1 " + answered.code() + " X\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n";
                client.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1)));
                client.write(ByteBuffer.wrap(body));
            } catch (IOException | RuntimeException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private static String head(SocketChannel client) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && client.read(one) > 0) {
            head.write(one.get(0));
            one.clear();
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
