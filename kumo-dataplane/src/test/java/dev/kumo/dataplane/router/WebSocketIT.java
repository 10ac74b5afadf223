package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebSockets through the router with the JDK's client: the upgrade passes, messages go both ways, and the open
 * socket counts as a request in flight on its instance until it closes; a CONNECT tunnels alike.
 */
class WebSocketIT {

    private static final RevisionId WS = revision("ws-00001");
    private static final String HOST = "ws.default.localhost";

    private final RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withH2c(true));
    private final HttpClient jdk = HttpClient.newHttpClient();
    private Backend backend;
    private int port;

    @BeforeEach
    void start() {
        backend = h.backend("ws").behave(request -> request.toWebSocket().onSuccess(socket -> socket
                .textMessageHandler(text -> socket.writeTextMessage("echo " + text + " via "
                        + request.getHeader("X-Forwarded-Host")))));
        h.ready(WS, backend);
        h.router.update(RouteTable.builder().host(HOST, WS).build());
        port = h.router.listen(HOST, 0); // the route's own address: the JDK client may not set Host itself
    }

    @AfterEach
    void stop() {
        jdk.close();
        h.close();
    }

    @Test
    void messagesGoBothWaysAndTheOpenSocketCountsInFlight() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocket socket = jdk.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        socket.sendText("one", true).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received)
                .containsExactly("echo one via 127.0.0.1:" + port)); // the client's Host, as forwarded
        socket.sendText("two", true).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(received.get(1)).isEqualTo("echo two via 127.0.0.1:" + port);
        assertThat(h.router.inFlight(WS, backend.address())).isEqualTo(1);

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> h.router.inFlight(WS, backend.address()) == 0);
    }

    @Test
    void aClientGoneWithoutACloseFrameNoLongerCountsInFlight() throws Exception {
        WebSocket socket = jdk.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat"), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS);
        assertThat(h.router.inFlight(WS, backend.address())).isEqualTo(1);

        socket.abort(); // the connection closed (a FIN), no close frame

        await().atMost(Duration.ofSeconds(10)).until(() -> h.router.inFlight(WS, backend.address()) == 0);
    }

    @Test
    void aConnectTheWorkloadAcceptsTunnelsBytesBothWays() throws Exception {
        backend.behave(request -> request.toNetSocket().onSuccess(tunnel -> tunnel.handler(tunnel::write)));
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            out.write("CONNECT ws.default.localhost:443 HTTP/1.1\r\nHost: ws.default.localhost:443\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            String head = headOf(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(h.router.inFlight(WS, backend.address())).isEqualTo(1);

            out.write("ping\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> h.router.inFlight(WS, backend.address()) == 0);
    }

    private static String headOf(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void aWorkloadThatDeclinesTheUpgradeHasItsAnswerRelayed() {
        backend.behave(request -> request.response().setStatusCode(426).end("no websockets here"));

        CompletableFuture<WebSocket> opening = jdk.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat"), new WebSocket.Listener() { });

        await().atMost(Duration.ofSeconds(10)).until(opening::isDone);
        assertThat(opening).isCompletedExceptionally();
        assertThat(opening.handle((s, e) -> e.getCause() instanceof WebSocketHandshakeException handshake
                ? handshake.getResponse().statusCode() : -1).join()).isEqualTo(426);
        await().atMost(Duration.ofSeconds(10)).until(() -> h.router.inFlight(WS, backend.address()) == 0);
    }
}
