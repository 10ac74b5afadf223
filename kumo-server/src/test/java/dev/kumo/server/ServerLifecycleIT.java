package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.cli.client.TrustedCertificates;
import dev.kumo.cli.config.CertificateAuthority;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLifecycleIT {

    @TempDir
    Path temp;

    @Test
    void portZeroPrintsTheBoundAddressAndSigtermStopsCleanly() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp)) {
            await().atMost(Duration.ofSeconds(60)).until(server::ready);
            ApiAccess access = server.access();
            HttpResponse<String> version = access.client().send(access.request("/version").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(version.statusCode()).isEqualTo(200);
            assertThat(server.lines()).anyMatch(line -> line.matches("kumo: eventing listening on "
                    + "http://127\\.0\\.0\\.1:\\d+ \\(brokers answer at http://127\\.0\\.0\\.1:\\d+/NAMESPACE/NAME\\)"));
            assertThat(server.terminate()).isZero();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(server.lines())
                    .contains("kumo: stopped"));
        }
    }

    @Test
    void withoutServingOnlyTheApiServerAndTheStoreRun() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp, "--no-serving", "--no-eventing")) {
            await().atMost(Duration.ofSeconds(60)).until(server::ready);
            assertThat(server.lines()).contains("kumo: eventing is off (--no-eventing): Brokers, Triggers and "
                    + "sources are stored only").noneMatch(line -> line.startsWith("kumo: eventing listening on"));
            assertThat(server.lines()).contains("kumo: serving is off (--no-serving): API server and store only")
                    .noneMatch(line -> line.startsWith("kumo: ingress listening on"));
            ApiAccess access = server.access();
            HttpResponse<String> api = access.client().send(access.request("/apis/serving.knative.dev/v1").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedClearly() throws Exception {
        try (ServerProcess first = ServerProcess.start(temp)) {
            await().atMost(Duration.ofSeconds(60)).until(first::ready);
            try (ServerProcess second = ServerProcess.start(temp)) {
                assertThat(second.process().waitFor()).isEqualTo(1);
                assertThat(String.join("\n", second.lines())).contains("is in use by another kumo server");
            }
        }
    }

    @Test
    void aTokenIsRequiredWhenAskedForAndStoredInTheDataDirectoryAndTheApiServesHttps() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp, "--require-token")) {
            await().atMost(Duration.ofSeconds(60)).until(server::ready);
            assertThat(server.apiUrl()).startsWith("https://127.0.0.1:");
            Path ca = temp.resolve("tls/ca.crt");
            assertThat(server.lines()).anyMatch(l -> l.startsWith("kumo: TLS certificate created in " + ca + "; "));
            HttpClient client = HttpClient.newBuilder().sslContext(TrustedCertificates.sslContext(
                    new CertificateAuthority(ca, "test"))).build();
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(
                    URI.create(server.apiUrl() + "/api")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            String token = java.nio.file.Files.readString(temp.resolve("token")).trim();
            HttpResponse<String> authorized = client.send(HttpRequest.newBuilder(
                    URI.create(server.apiUrl() + "/api")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(authorized.statusCode()).isEqualTo(200);
        }
    }
}
