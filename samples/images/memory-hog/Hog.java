import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Holds memory on request, on $PORT (default 8080): GET /bloat/N allocates N MiB more (every page written), GET /
 * says how much it holds; BLOAT_MIB allocates that much before listening. Like the bloat of Knative's autoscale-go.
 */
public class Hog {
    private static final int MIB = 1 << 20;
    private static final List<byte[]> HELD = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        String atStart = System.getenv("BLOAT_MIB");
        if (atStart != null && !atStart.isEmpty()) {
            System.out.println("memory-hog: holding " + bloat(Integer.parseInt(atStart)) + " MiB (BLOAT_MIB)");
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 128);
        server.createContext("/", Hog::handle);
        server.start();
        System.out.println("memory-hog: listening on " + port);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/bloat/")) {
            int mib = Integer.parseInt(path.substring("/bloat/".length()));
            System.out.println("memory-hog: allocating " + mib + " MiB more");
            try {
                respond(exchange, 200, "holding " + bloat(mib) + " MiB\n");
            } catch (OutOfMemoryError heapFull) {
                respond(exchange, 507, "the heap is full at " + held() + " MiB\n");
            }
        } else {
            respond(exchange, 200, "holding " + held() + " MiB\n");
        }
    }

    /** Allocates and writes mib more MiB; returns the MiB held now. */
    private static synchronized int bloat(int mib) {
        for (int i = 0; i < mib; i++) {
            byte[] block = new byte[MIB];
            Arrays.fill(block, (byte) 1);
            HELD.add(block);
        }
        return HELD.size();
    }

    private static synchronized int held() {
        return HELD.size();
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
