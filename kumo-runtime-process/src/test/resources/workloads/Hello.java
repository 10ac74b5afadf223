import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/** A test workload run as a single source file: answers on $PORT with a greeting, or its environment at /env. */
public class Hello {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body = exchange.getRequestURI().getPath().equals("/env")
                    ? new TreeMap<>(System.getenv()).toString()
                    : "hello from " + System.getenv("K_REVISION") + " in " + System.getProperty("user.dir");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("Hello listening on " + port);
    }
}
