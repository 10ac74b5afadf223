package dev.kumo.eventing.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A subscriber on a plain socket that answers each request with the exact bytes its script gives (or closes, or says
 * nothing), and keeps every request's bytes as received: what the delivery clients send and how they read any response
 * form, without an HTTP library in between. Connections are kept alive while the script's answers allow.
 */
final class RawSubscriber implements AutoCloseable {

    /** A request as received: its head (up to the blank line, as text) and its body. */
    record Received(String head, byte[] body) {

        /** The head's header lines, names lower-cased, in order. */
        java.util.List<String> headerLines() {
            return head.lines().skip(1).filter(line -> !line.isEmpty())
                    .map(line -> line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT)
                            + line.substring(line.indexOf(':')))
                    .toList();
        }

        String requestLine() {
            return head.lines().findFirst().orElse("");
        }
    }

    /** What to do with a request. */
    sealed interface Answer {
        /** Write these bytes, then read the next request on the connection. */
        record Bytes(byte[] bytes) implements Answer {
        }
        /** Write these bytes, then close the connection. */
        record BytesThenClose(byte[] bytes) implements Answer {
        }
        /** Never answer (until the client gives up and closes). */
        record Silence() implements Answer {
        }
    }

    static Answer bytes(String response) {
        return new Answer.Bytes(response.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Answer thenClose(String response) {
        return new Answer.BytesThenClose(response.getBytes(StandardCharsets.ISO_8859_1));
    }

    private final ServerSocket server;
    private final Function<Received, Answer> script;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();

    RawSubscriber(Function<Received, Answer> script) throws IOException {
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    BlockingQueue<Received> received() {
        return received;
    }

    /** How many connections clients have opened so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                byte[] body = in.readNBytes(contentLength(head));
                Received request = new Received(head, body);
                received.add(request);
                switch (script.apply(request)) {
                    case Answer.Bytes answer -> {
                        out.write(answer.bytes());
                        out.flush();
                    }
                    case Answer.BytesThenClose answer -> {
                        out.write(answer.bytes());
                        out.flush();
                        return;
                    }
                    case Answer.Silence silence -> {
                        while (in.read() >= 0) {
                            // wait for the client to close
                        }
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
