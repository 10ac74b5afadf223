package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10's "nobody in by default" against real servers: the token over HTTPS on loopback too, found by the CLI
 * and kubectl without anyone typing it; --insecure-no-auth said loudly; Host, Origin and media type checked either
 * way; the data directory and its files the owner's only.
 */
class SecureDefaultsIT {

    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";

    @TempDir
    Path temp;

    @Test
    void theDefaultServerWantsTheTokenOverHttpsAndTheCliAndKubectlFindItThroughTheDataDirectory() throws Exception {
        Path data = temp.resolve("data");
        try (ServerProcess server = ServerProcess.start(data)) {
            await().atMost(Duration.ofSeconds(60)).until(server::ready);
            ApiAccess access = server.access();
            assertThat(server.apiUrl()).startsWith("https://127.0.0.1:");
            assertThat(access.url().toString()).isEqualTo(server.apiUrl());

            HttpResponse<String> anonymous = access.client().send(java.net.http.HttpRequest.newBuilder(
                    access.uri("/api")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> lowerCase = access.client().send(java.net.http.HttpRequest.newBuilder(
                    access.uri("/api")).header("Authorization", "bearer " + access.token().orElseThrow()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(lowerCase.statusCode()).isEqualTo(200);

            InProcessCli cli = new InProcessCli(Files.createDirectories(temp.resolve("home")));
            InProcessCli.Result listed = cli.run("service", "list", "--data-dir", data.toString());
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            InProcessCli.Result viaEnvironment = new InProcessCli(temp.resolve("home"), data).run("service", "list");
            assertThat(viaEnvironment.exitCode()).as(viaEnvironment.err()).isZero();

            Path kubeHome = Files.createDirectories(temp.resolve("kube-home"));
            Path kubeconfig = kubeHome.resolve("config");
            InProcessCli.Result merged = new InProcessCli(kubeHome, data).run("kubeconfig", "--merge");
            assertThat(merged.exitCode()).as(merged.err()).isZero();
            assertThat(merged.out()).contains("server " + server.apiUrl() + ", with token, trusting ");
            Files.move(kubeHome.resolve(".kube/config"), kubeconfig);
            Kubectl.Result kubectl = Kubectl.withKubeconfig(kubeconfig, kubeHome).run("get", "ksvc");
            assertThat(kubectl.exitCode()).as(kubectl.err()).isZero();
        }
    }

    @Test
    void theAttackersCurlFromIssue10CreatesNothingOnTheDefaultServer() throws Exception {
        try (KumoServer server = KumoServer.start(TestServers.config(temp.resolve("data")))) {
            Path svc = Files.writeString(temp.resolve("svc.json"), service("pwned"));

            int status = curl("-k", "-H", "Content-Type:", "-H", "Host: attacker.example", "-H",
                    "Origin: http://attacker.example", "-d", "@" + svc, server.apiUrl() + SERVICES);
            int withoutHostAndOrigin = curl("-k", "-H", "Content-Type:", "-d", "@" + svc, server.apiUrl() + SERVICES);

            assertThat(status).isEqualTo(403);
            assertThat(withoutHostAndOrigin).isEqualTo(401);
            assertThat(new TestApi(server).get(SERVICES).path("items")).isEmpty();
        }
    }

    @Test
    void insecureNoAuthSaysSoLoudlyAndStillChecksHostOriginAndMediaType() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), "--insecure-no-auth")) {
            await().atMost(Duration.ofSeconds(60)).until(server::ready);
            assertThat(server.apiUrl()).startsWith("http://127.0.0.1:");
            assertThat(server.lines()).anyMatch(line -> line.startsWith("* WARNING: --insecure-no-auth: the API on "
                    + server.apiUrl() + " requires NO token and no TLS."));
            Path svc = Files.writeString(temp.resolve("svc.json"), service("pwned"));

            int attacker = curl("-H", "Content-Type:", "-H", "Host: attacker.example", "-H",
                    "Origin: http://attacker.example", "-d", "@" + svc, server.apiUrl() + SERVICES);
            int page = curl("-H", "Content-Type: application/json", "-H", "Origin: http://attacker.example", "-d",
                    "@" + svc, server.apiUrl() + SERVICES);
            int untyped = curl("-H", "Content-Type:", "-d", "@" + svc, server.apiUrl() + SERVICES);
            int anonymousRead = curl(server.apiUrl() + SERVICES);

            assertThat(attacker).isEqualTo(403);
            assertThat(page).isEqualTo(403);
            assertThat(untyped).isEqualTo(415);
            assertThat(anonymousRead).isEqualTo(200);
        }
    }

    @Test
    void theDataDirectoryAndEveryFileKumoWritesInItAreTheOwnersOnly() throws Exception {
        Path data = temp.resolve("data");
        try (KumoServer server = KumoServer.start(TestServers.config(data))) {
            TestApi api = new TestApi(server);
            api.create(SERVICES, """
                    {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"hello"},
                     "spec":{"template":{"spec":{"containers":[{"command":["python3"],"args":["app.py"],
                     "workingDir":"%s"}]}}}}""".formatted(SAMPLE));
            api.create("/api/v1/namespaces/default/secrets", """
                    {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"password":"hunter2"}}""");
            api.awaitCondition(SERVICES + "/hello", "Ready", "True");

            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("builds"))).as("builds").isEqualTo("rwx------");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(data)) {
                files = walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(data.resolve("instances/tmp")))
                        .toList();
            }
            assertThat(files).extracting(f -> data.relativize(f).toString())
                    .contains("kumo.db", "kumo.db-wal", "kumo.db-shm", "events.db", "events.db-wal", "token",
                            "api-url", "tls/server.p12", "tls/ca.crt")
                    .anyMatch(f -> f.endsWith("output.log"))
                    .anyMatch(f -> f.endsWith(".properties"));
            Map<String, String> modes = new java.util.TreeMap<>();
            for (Path file : files) {
                modes.put(data.relativize(file).toString(), mode(file));
            }
            assertThat(modes).allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo("rw-------"));
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String service(String name) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"example.com/x\"}]}}}}";
    }

    /** Runs curl as the attacker would and returns the status it got. */
    private int curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-m", "15", "-o", "/dev/null", "-w",
                "%{http_code}"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Integer.parseInt(output.trim());
    }
}
