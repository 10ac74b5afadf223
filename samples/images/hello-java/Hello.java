import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Knative's helloworld in Java, for a container: GET / answers "Hello ${TARGET:-World}!" on $PORT (default 8080). */
public class Hello {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(env("PORT", "8080"));
        byte[] body = ("Hello " + env("TARGET", "World") + "!\n").getBytes(StandardCharsets.UTF_8);
        // All addresses of the container's own network namespace: the published port reaches it from the host.
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 128);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("hello-java: listening on " + port);
    }

    /** The variable's value, or the fallback where it is unset or empty (the shell's ${NAME:-fallback}). */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
