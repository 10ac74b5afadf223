package dev.kumo.apiserver;

import static dev.kumo.apiserver.ApiFixture.SERVICES;
import static dev.kumo.apiserver.ApiFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import dev.kumo.api.core.CoreKinds;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.ServingKinds;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.StoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API on a unix socket, driven by the real curl ({@code --unix-socket}): same routes, same token. */
class ApiSocketIT {

    private static final String TOKEN = "s3cret";

    @TempDir
    Path dir;
    private Path socket;
    private Vertx vertx;
    private ApiServer server;

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("api.sock");
        // What a killed server leaves: a socket file nobody listens on.
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        assertThat(vertx.isNativeTransportEnabled()).as("epoll for unix sockets").isTrue();
        ResourceStore store = InMemoryStore.create(StoreOptions.DEFAULTS);
        List<KindDefinition> kinds = new ArrayList<>(CoreKinds.all());
        kinds.addAll(ServingKinds.all());
        var namespace = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
        namespace.putObject("metadata").put("name", "default");
        store.create(ResourceTypes.NAMESPACE, namespace);
        server = ApiServer.start(vertx, new ApiServerConfig("127.0.0.1", 0, 64 * 1024, Optional.of(TOKEN),
                Optional.empty()), new Kinds(kinds), store, InstantSource.system());
        server.serveOnSocket(socket);
    }

    @AfterEach
    void stop() {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theSocketReplacesAStaleOneAndOnlyItsOwnerMayOpenIt() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(curl("-H", "Authorization: Bearer " + TOKEN, "http://localhost/version").status()).isEqualTo(200);
    }

    @Test
    void withoutTheTokenTheAnswerIs401() {
        Curl refused = curl("http://localhost/api/v1/namespaces");
        Curl wrong = curl("-H", "Authorization: Bearer nope", "http://localhost/api/v1/namespaces");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(Json.parseObject(refused.body()).path("reason").asText()).isEqualTo("Unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void theRoutesAreTheApisOwn() throws IOException {
        Path body = Files.writeString(dir.resolve("svc.json"), service("hello", ""));
        String auth = "Authorization: Bearer " + TOKEN;

        Curl created = curl("-H", auth, "-H", "Content-Type: application/json", "-d", "@" + body,
                "http://localhost" + SERVICES);
        Curl listed = curl("-H", auth, "http://localhost" + SERVICES);
        Curl table = curl("-H", auth, "-H", "Accept: application/json;as=Table;v=v1;g=meta.k8s.io",
                "http://localhost" + SERVICES);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(Json.parseObject(listed.body()).path("items").get(0).path("metadata").path("name").asText())
                .isEqualTo("hello");
        assertThat(Json.parseObject(table.body()).path("kind").asText()).isEqualTo("Table");
    }

    @Test
    void closingRemovesTheSocket() {
        server.close();

        assertThat(socket).doesNotExist();
    }

    /** What curl got: the status code and the body. */
    private record Curl(int status, String body) {
    }

    /** curl over the socket with {@code args}; the status is read from curl's {@code -w} line after the body. */
    private Curl curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-m", "15", "--unix-socket", socket.toString(),
                "-w", "\n%{http_code}"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            int split = output.lastIndexOf('\n');
            return new Curl(Integer.parseInt(output.substring(split + 1).strip()), output.substring(0, split));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
