package dev.kumo.build.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JDK-only HTTP app (com.sun.net.httpserver on $PORT) written into a directory, as a user's sources. */
final class HelloApp {

    static final String MAIN = """
            package demo;

            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;

            public class Hello {
                public static void main(String[] args) throws Exception {
                    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
                    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
                    server.createContext("/", exchange -> {
                        byte[] body = Greeting.text().getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                    System.out.println("serving on port " + port);
                }
            }
            """;

    private HelloApp() {
    }

    /** Writes the app under {@code root} (its sources under {@code sourceRoot}) answering {@code greeting}. */
    static Path write(Path root, String sourceRoot, String greeting) {
        write(root.resolve(sourceRoot).resolve("demo/Hello.java"), MAIN);
        greet(root.resolve(sourceRoot), greeting);
        return root;
    }

    /** Rewrites the one file holding the greeting. */
    static void greet(Path sourceRoot, String greeting) {
        write(sourceRoot.resolve("demo/Greeting.java"), "package demo;\n\nfinal class Greeting {\n"
                + "    static String text() {\n        return \"" + greeting + "\";\n    }\n}\n");
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
