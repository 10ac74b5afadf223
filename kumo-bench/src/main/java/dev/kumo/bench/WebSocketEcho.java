package dev.kumo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;

/**
 * The WebSocket benchmark's workload, run by Kumo as a Service: a Vert.x server on {@code 127.0.0.1:$PORT} that
 * accepts every WebSocket and sends each message back as it came; plain requests get 200 (the readiness probe).
 */
public final class WebSocketEcho {

    private WebSocketEcho() {
    }

    /** Listens on $PORT; writes that port into the file named by $PORT_FILE when set (the bench's direct path). */
    public static void main(String[] args) throws java.io.IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true))
                .webSocketHandler(socket -> socket.frameHandler(frame -> {
                    if (frame.isText()) {
                        socket.writeTextMessage(frame.textData());
                    } else if (frame.isBinary()) {
                        socket.writeBinaryMessage(frame.binaryData());
                    }
                }))
                .requestHandler(request -> request.response().end("echo\n"))
                .listen().toCompletionStage().toCompletableFuture().join();
        String portFile = System.getenv("PORT_FILE");
        if (portFile != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(portFile), port + "\n");
        }
    }
}
