package dev.kumo.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.kumo.cli.config.ClientConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's two transports on real sockets: a one-shot call goes to the local unix socket when it accepts, and
 * to the server's TCP address when there is no socket or it refuses.
 */
class LocalSocketCallsIT {

    @TempDir
    Path dir;
    private HttpServer tcp;
    private final List<String> tcpRequests = new CopyOnWriteArrayList<>();
    private final List<String> socketRequests = new CopyOnWriteArrayList<>();
    private ServerSocketChannel socketServer;
    private Thread socketThread;

    @BeforeEach
    void startTcp() throws IOException {
        tcp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tcp.createContext("/", exchange -> {
            tcpRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "{\"gitVersion\":\"over-tcp\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tcp.start();
    }

    @AfterEach
    void stop() throws Exception {
        tcp.stop(0);
        if (socketServer != null) {
            socketServer.close();
            socketThread.join();
        }
    }

    private ClientConfig config(Optional<Path> socket) {
        return new ClientConfig(URI.create("http://127.0.0.1:" + tcp.getAddress().getPort()), Optional.of("t0ken"),
                "test", Optional.empty(), socket);
    }

    /** A unix socket server answering every request with {@code answer} (a whole HTTP response). */
    private Path serveOnSocket(String answer) throws IOException {
        Path socket = dir.resolve("api.sock");
        socketServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        socketServer.bind(UnixDomainSocketAddress.of(socket));
        socketThread = Thread.ofPlatform().start(() -> {
            while (socketServer.isOpen()) {
                try (SocketChannel client = socketServer.accept()) {
                    socketRequests.add(readHead(client));
                    client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return; // closed by the test
                }
            }
        });
        return socket;
    }

    private static String readHead(SocketChannel client) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n") && client.read(one) > 0) {
            head.write(one.get(0));
            one.clear();
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String json(int code, String body, String... headers) {
        return "HTTP/1.1 " + code + " X\r\nContent-Type: application/json\r\n" + String.join("", List.of(headers))
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void aSocketThatAcceptsGetsTheCallWithTheToken() throws IOException {
        Path socket = serveOnSocket(json(200, "{\"gitVersion\":\"over-socket\"}", "Warning: 299 - \"careful\"\r\n"));
        List<String> warnings = new CopyOnWriteArrayList<>();

        try (ApiClient client = new ApiClient(config(Optional.of(socket)), warnings::add, "kumo/test")) {
            assertThat(client.version().path("gitVersion").asText()).isEqualTo("over-socket");
        }

        assertThat(tcpRequests).isEmpty();
        assertThat(socketRequests).singleElement().asString().startsWith("GET /version HTTP/1.1\r\n")
                .contains("Authorization: Bearer t0ken\r\n", "User-Agent: kumo/test\r\n", "Host: localhost\r\n");
        assertThat(warnings).containsExactly("careful");
    }

    @Test
    void theServersRefusalOverTheSocketIsTheSameApiError() throws IOException {
        Path socket = serveOnSocket(json(404, "{\"kind\":\"Status\",\"code\":404,\"reason\":\"NotFound\","
                + "\"message\":\"traces are off\"}"));

        try (ApiClient client = new ApiClient(config(Optional.of(socket)), w -> { }, "kumo/test")) {
            assertThatThrownBy(() -> client.traces(Optional.empty())).isInstanceOf(ApiError.class)
                    .hasMessageContaining("traces are off");
        }
        assertThat(tcpRequests).isEmpty();
    }

    @Test
    void aSocketNobodyListensOnFallsBackToTcp() throws IOException {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            killed.bind(UnixDomainSocketAddress.of(stale)); // the file stays, as a killed server leaves it
        }

        try (ApiClient client = new ApiClient(config(Optional.of(stale)), w -> { }, "kumo/test")) {
            assertThat(client.version().path("gitVersion").asText()).isEqualTo("over-tcp");
            assertThat(client.version().path("gitVersion").asText()).isEqualTo("over-tcp");
        }
        assertThat(tcpRequests).containsExactly("GET /version", "GET /version");
    }

    @Test
    void noSocketOrAMissingOneMeansTcp() {
        try (ApiClient none = new ApiClient(config(Optional.empty()), w -> { }, "kumo/test");
                ApiClient missing = new ApiClient(config(Optional.of(dir.resolve("none.sock"))), w -> { },
                        "kumo/test")) {
            assertThat(none.version().path("gitVersion").asText()).isEqualTo("over-tcp");
            assertThat(missing.version().path("gitVersion").asText()).isEqualTo("over-tcp");
        }
        assertThat(tcpRequests).hasSize(2);
    }
}
