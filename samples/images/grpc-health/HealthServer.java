import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java's own health service (grpc.health.v1.Health) on $GRPC_PORT (default 8081) beside Knative's helloworld
 * over HTTP on $PORT (default 8080). The health status, for the server ("") and every service named in
 * $GRPC_SERVICES (comma-separated), starts as $GRPC_HEALTH (default SERVING), turns SERVING after
 * $SERVING_AFTER_MS if set, and is switched by GET /health/SERVING or /health/NOT_SERVING.
 */
public final class HealthServer {

    private static final HealthStatusManager HEALTH = new HealthStatusManager();
    private static final String[] SERVICES = System.getenv().getOrDefault("GRPC_SERVICES", "").split(",");

    public static void main(String[] args) throws IOException, InterruptedException {
        int grpcPort = Integer.parseInt(System.getenv().getOrDefault("GRPC_PORT", "8081"));
        int httpPort = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        set(ServingStatus.valueOf(System.getenv().getOrDefault("GRPC_HEALTH", "SERVING")));
        Server grpc = NettyServerBuilder.forAddress(new InetSocketAddress(grpcPort), InsecureServerCredentials.create())
                .addService(HEALTH.getHealthService()).build().start();
        String after = System.getenv("SERVING_AFTER_MS");
        if (after != null) {
            Executors.newSingleThreadScheduledExecutor()
                    .schedule(() -> set(ServingStatus.SERVING), Long.parseLong(after), TimeUnit.MILLISECONDS);
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(httpPort), 64);
        http.createContext("/", HealthServer::handle);
        http.start();
        System.err.println("grpc-health: gRPC health on :" + grpcPort + ", HTTP on :" + httpPort);
        grpc.awaitTermination();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        String body;
        if (path.startsWith("/health/")) {
            try {
                ServingStatus health = ServingStatus.valueOf(path.substring("/health/".length()));
                set(health);
                body = "health " + health + "\n";
            } catch (IllegalArgumentException e) {
                status = 400;
                body = "no such status: " + path.substring("/health/".length()) + "\n";
            }
        } else {
            body = "Hello " + System.getenv().getOrDefault("TARGET", "World") + "!\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void set(ServingStatus status) {
        HEALTH.setStatus("", status);
        for (String service : SERVICES) {
            if (!service.isBlank()) {
                HEALTH.setStatus(service.strip(), status);
            }
        }
        System.err.println("grpc-health: " + status);
    }
}
