package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.serving.warmup.StartupWarmup;
import dev.kumo.serving.warmup.WarmupReport;
import dev.kumo.serving.warmup.WarmupSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up warm-up on a real server with a real process Service: it runs its rounds and finishes while users'
 * requests (ingress and API) are served, and leaves nothing behind — no process, no listening port, no store entry,
 * no meter, no Event.
 */
class StartupWarmupIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static ApiAccess access;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        access = ApiAccess.of(server);
        http = access.client();
        assertThat(send("POST", SERVICES, service()).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> new Ingress(server).get("hello.default.localhost", "/")
                .statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void runsItsRoundsWhileUsersAreServedAndLeavesNothingBehind() throws Exception {
        Set<Long> processesBefore = descendants();
        Set<Integer> portsBefore = listeningPorts();
        Ingress ingress = new Ingress(server);
        AtomicInteger served = new AtomicInteger();

        StartupWarmup warmup = server.startWarmup(new WarmupSettings(50, Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofMillis(100))).orElseThrow();
        // Users' requests while it runs, a little apart so that it runs between them (it yields for 100 ms).
        WarmupReport report = await("the warm-up's end, users served meanwhile").atMost(Duration.ofSeconds(90))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(300)).until(() -> {
                    boolean running = !warmup.finished().isDone();
                    assertThat(ingress.get("hello.default.localhost", "/").body()).startsWith("Hello Kumo!");
                    assertThat(send("GET", SERVICES, null).statusCode()).isEqualTo(200);
                    if (running) {
                        served.incrementAndGet();
                    }
                    return warmup.finished().getNow(null);
                }, done -> done != null);

        assertThat(report.rounds()).isEqualTo(50);
        assertThat(report.stoppedBy()).isEqualTo("rounds");
        assertThat(report.cpu()).isPositive();
        assertThat(served).as("users' requests answered while it ran").hasPositiveValue();
        assertThat(warmup.finished()).isCompletedWithValue(report);
        assertThat(descendants()).isEqualTo(processesBefore);
        await("the private router's and targets' ports closed").atMost(Duration.ofSeconds(10))
                .until(() -> listeningPorts().equals(portsBefore));
        await("the warm-up's thread ended").atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces()
                .keySet().stream().noneMatch(thread -> thread.getName().equals("kumo-warmup")));
        for (String list : List.of("/apis/serving.knative.dev/v1/revisions", "/apis/serving.knative.dev/v1/routes",
                "/api/v1/pods", "/api/v1/events", "/api/v1/namespaces")) {
            JsonNode items = Json.parseObject(send("GET", list, null).body()).path("items");
            assertThat(items.toString()).as(list).doesNotContain("warmup");
        }
        assertThat(send("GET", "/metrics", null).body()).doesNotContain("warmup");
        assertThat(server.startWarmup(WarmupSettings.DEFAULTS)).as("once per server").contains(warmup);
    }

    @Test
    void kumoServerRunsItOnceReadyAndPrintsWhatItDidOrThatItIsOff(@TempDir Path dirs) throws Exception {
        try (ServerProcess on = ServerProcess.start(dirs.resolve("on"), "--warmup")) {
            String line = await("the warm-up's line").atMost(Duration.ofSeconds(120)).until(() -> on.lines().stream()
                    .filter(l -> l.startsWith("kumo: warm-up")).findFirst(), Optional::isPresent).orElseThrow();

            assertThat(line).startsWith("kumo: warm-up done: ").contains(" rounds in ").contains("ms of CPU")
                    .doesNotContain("failure");
            assertThat(on.lines().indexOf(line)).isGreaterThan(on.lines().stream()
                    .filter(l -> l.startsWith("kumo: ready")).findFirst().map(on.lines()::indexOf).orElseThrow());
            assertThat(on.terminate()).isZero();
        }
        try (ServerProcess off = ServerProcess.start(dirs.resolve("off"), "--no-warmup")) {
            await("the off line").atMost(Duration.ofSeconds(120))
                    .until(() -> off.lines().contains("kumo: warm-up off (--warmup=false)"));
            assertThat(off.lines()).noneMatch(l -> l.startsWith("kumo: warm-up done"));
        }
    }

    /** The processes this JVM started that still run (the Service's instance and its helpers). */
    private static Set<Long> descendants() {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** The TCP ports this JVM listens on: /proc/net/tcp's LISTEN sockets whose inodes are among its descriptors. */
    private static Set<Integer> listeningPorts() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // Closed meanwhile.
                }
            });
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields[3].equals("0A") && inodes.contains(fields[9])) {
                        ports.add(Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16));
                    }
                }
            } catch (UncheckedIOException | IOException e) {
                // No IPv6 table on this machine.
            }
        }
        return ports;
    }

    private static String service() {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"hello\"},"
                + "\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"python3\"],\"args\":[\"app.py\"],"
                + "\"workingDir\":\"" + SAMPLE + "\",\"env\":[{\"name\":\"TARGET\",\"value\":\"Kumo\"}]}]}}}}";
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = access.request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
