import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A Knative-style workload that needs nothing but the JDK: answers "Hello <TARGET>!" on $PORT. */
public class Hello {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        String target = System.getenv().getOrDefault("TARGET", "World");
        String revision = System.getenv().getOrDefault("K_REVISION", "local");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.createContext("/", exchange -> {
            byte[] body = ("Hello " + target + "! (" + revision + ")\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("hello-java listening on " + port);
    }
}
