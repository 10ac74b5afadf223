package dev.kumo.apiserver;

import static dev.kumo.apiserver.ApiFixture.SERVICES;
import static dev.kumo.apiserver.ApiFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Host, Origin, token and Content-Type checks against a real server, driven by the real curl the attacker of
 * issue #10 used (the JDK's HTTP client may not set {@code Host}).
 */
class AccessChecksIT {

    @TempDir
    Path temp;

    private final ApiFixture api = new ApiFixture(config -> config.withAccess(new AccessRules(Set.of(),
            Set.of("https://dashboard.example"))), RevisionLogs.NONE);

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void theAttackersRequestFromIssue10CreatesNothing() throws Exception {
        Path svc = Files.writeString(temp.resolve("svc.json"), service("pwned", ""));

        Curl answer = curl("-H", "Content-Type:", "-H", "Host: attacker.example", "-H",
                "Origin: http://attacker.example", "-d", "@" + svc, api.base() + SERVICES);

        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.json().path("kind").asText()).isEqualTo("Status");
        assertThat(api.get(SERVICES).json().path("items")).isEmpty();
    }

    @Test
    void aRequestCarryingAReboundDnsNameIsRefused() throws Exception {
        Curl refused = curl("-H", "Host: attacker.example:7780", api.base() + "/api/v1/namespaces");
        Curl loopback = curl("-H", "Host: localhost:7780", api.base() + "/api/v1/namespaces");
        Curl direct = curl(api.base() + "/api/v1/namespaces");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("reason").asText()).isEqualTo("Forbidden");
        assertThat(refused.json().path("message").asText()).contains("\"attacker.example:7780\"");
        assertThat(loopback.status()).isEqualTo(200);
        assertThat(direct.status()).isEqualTo(200);
    }

    @Test
    void aWebPagesOriginIsRefusedUnlessAllowed() throws Exception {
        Curl refused = curl("-H", "Origin: http://attacker.example", api.base() + "/api/v1/namespaces");
        Curl allowed = curl("-H", "Origin: https://dashboard.example", api.base() + "/api/v1/namespaces");
        Curl preflight = curl("-X", "OPTIONS", "-H", "Origin: https://dashboard.example", "-H",
                "Access-Control-Request-Method: POST", api.base() + SERVICES);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("message").asText()).contains("http://attacker.example");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers()).contains("access-control-allow-origin: https://dashboard.example");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.headers()).contains("access-control-allow-methods: GET, POST, PUT, PATCH, DELETE");
    }

    @Test
    void writesWithoutAnApiMediaTypeGet415() throws Exception {
        Path svc = Files.writeString(temp.resolve("svc.json"), service("hello", ""));

        Curl untyped = curl("-H", "Content-Type:", "-d", "@" + svc, api.base() + SERVICES);
        Curl form = curl("-d", "@" + svc, api.base() + SERVICES);
        Curl plain = curl("-X", "PUT", "-H", "Content-Type: text/plain", "-d", "@" + svc,
                api.base() + SERVICES + "/hello");
        Curl json = curl("-H", "Content-Type: application/json", "-d", "@" + svc, api.base() + SERVICES);

        for (Curl refused : List.of(untyped, form, plain)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(415);
            assertThat(refused.json().path("reason").asText()).isEqualTo("UnsupportedMediaType");
        }
        assertThat(json.status()).as(json.body()).isEqualTo(201);
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        try (ApiFixture secured = new ApiFixture(Optional.of("s3cret"))) {
            Curl lower = curl("-H", "Authorization: bearer s3cret", secured.base() + "/api");
            Curl upper = curl("-H", "Authorization: BEARER s3cret", secured.base() + "/api");
            Curl wrong = curl("-H", "Authorization: bearer s3cre", secured.base() + "/api");

            assertThat(lower.status()).isEqualTo(200);
            assertThat(upper.status()).isEqualTo(200);
            assertThat(wrong.status()).isEqualTo(401);
        }
    }

    /** What curl received: the status, the headers (lower-case names) and the body. */
    record Curl(int status, List<String> headers, String body) {

        JsonNode json() {
            return Json.parseObject(body);
        }
    }

    private Curl curl(String... args) throws IOException, InterruptedException {
        Path headers = temp.resolve("headers.txt");
        Path body = temp.resolve("body.txt");
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-m", "15", "-D", headers.toString(), "-o",
                body.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = Files.readAllLines(headers).stream().map(String::strip).toList();
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        return new Curl(status, lines.stream().skip(1).map(l -> {
            int colon = l.indexOf(':');
            return colon < 0 ? l : l.substring(0, colon).toLowerCase() + l.substring(colon);
        }).toList(), Files.readString(body));
    }
}
