package dev.kumo.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a BuildRun's log waits for the server to take the run up: a log opened before that ends at once, empty
 * (the server has no log for it yet), as Kumo's BuildLogs answers.
 */
class BuildRunFollowTest {

    private static final String RUN = """
            {"apiVersion":"shipwright.io/v1beta1","kind":"BuildRun","metadata":{"name":"r1","namespace":"default",\
            "resourceVersion":"%s"},"spec":{"build":{"name":"app"}}%s}""";
    private static final String PENDING = """
            ,"status":{"conditions":[{"type":"Succeeded","status":"Unknown","reason":"Pending"}]}""";
    private static final String SUCCEEDED = """
            ,"status":{"conditions":[{"type":"Succeeded","status":"True","reason":"Succeeded"}],\
            "output":{"digest":"sha256:abc"}}""";

    @TempDir
    Path home;
    private HttpServer server;
    private volatile boolean started;
    private volatile boolean logRead;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * A server whose Build app has the run r1, taken up (Pending, its log begun) once a client watches it and
     * succeeded once its log was read.
     */
    private URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            String status = logRead ? SUCCEEDED : PENDING;
            if (path.endsWith("/buildruns/r1/log")) {
                logRead = true;
                answer(exchange, "text/plain", started ? "[build]\nbuilding\n" : "");
            } else if (path.endsWith("/builds/app")) {
                answer(exchange, "application/json", "{\"apiVersion\":\"shipwright.io/v1beta1\",\"kind\":\"Build\","
                        + "\"metadata\":{\"name\":\"app\",\"namespace\":\"default\"}}");
            } else if (path.endsWith("/buildruns") && exchange.getRequestMethod().equals("POST")) {
                exchange.getRequestBody().readAllBytes();
                answer(exchange, "application/json", RUN.formatted("1", ""));
            } else if (path.endsWith("/buildruns/r1")) {
                answer(exchange, "application/json", started ? RUN.formatted("2", status) : RUN.formatted("1", ""));
            } else if (path.endsWith("/buildruns") && query.contains("watch=true")) {
                started = true;
                answer(exchange, "application/json", "{\"type\":\"MODIFIED\",\"object\":"
                        + RUN.formatted("2", status) + "}\n");
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void followingARunNotYetTakenUpWaitsForItsLog() throws IOException {
        URI url = serve();

        CliResult result = CliRunner.against(url, home).run("buildrun", "logs", "r1", "-f");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("[build]").contains("building");
    }

    @Test
    void buildRunFollowShowsTheLogOfTheRunItCreated() throws IOException {
        URI url = serve();

        CliResult result = CliRunner.against(url, home).run("build", "run", "app", "-f");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("[build]").contains("building").contains("succeeded: sha256:abc");
    }
}
