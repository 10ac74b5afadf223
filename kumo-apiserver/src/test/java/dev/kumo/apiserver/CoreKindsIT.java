package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoreKindsIT {

    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void namespacesAreClusterScopedAndDefaultExists() {
        assertThat(api.get("/api/v1/namespaces/default").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/namespaces",
                "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-a\"}}").status())
                .isEqualTo(201);
        JsonNode list = api.get("/api/v1/namespaces").json();
        assertThat(list.path("items").findValuesAsText("name")).contains("default", "team-a");
    }

    @Test
    void deletingANamespaceDeletesWhatIsInIt() {
        api.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"t\"}}");
        api.post("/api/v1/namespaces/t/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"k\":\"v\"}}");
        assertThat(api.send("DELETE", "/api/v1/namespaces/t", null, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/namespaces/t/configmaps/c").status()).isEqualTo(404);
    }

    @Test
    void namespacesAreNotDeletedAsACollectionAndDefaultIsNeverDeleted() {
        api.post("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"t\"}}");

        ApiFixture.Response all = api.send("DELETE", "/api/v1/namespaces", null, null);
        ApiFixture.Response defaultNamespace = api.send("DELETE", "/api/v1/namespaces/default", null, null);
        ApiFixture.Response dryRun = api.send("DELETE", "/api/v1/namespaces/default?dryRun=All", null, null);

        assertThat(all.status()).as(all.text()).isEqualTo(405);
        assertThat(defaultNamespace.status()).isEqualTo(403);
        assertThat(defaultNamespace.json().path("message").asText())
                .startsWith("namespaces \"default\" is forbidden: this namespace may not be deleted");
        assertThat(dryRun.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/namespaces").json().path("items").findValuesAsText("name"))
                .contains("default", "t");
    }

    @Test
    void secretsFoldStringDataIntoBase64Data() {
        JsonNode secret = api.post("/api/v1/namespaces/default/secrets", """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"stringData":{"password":"hunter2"}}
                """).json();
        assertThat(secret.at("/data/password").asText()).isEqualTo("aHVudGVyMg==");
        assertThat(secret.has("stringData")).isFalse();
        assertThat(secret.path("type").asText()).isEqualTo("Opaque");
    }

    @Test
    void protobufNamespaceCreateAsKubectlSendsIt() throws Exception {
        byte[] typeMeta = concat(field(1, "v1"), field(2, "Namespace"));
        byte[] metadata = field(1, "from-proto");
        byte[] raw = field(1, metadata);
        byte[] unknown = concat(field(1, typeMeta), field(2, raw), field(4, "application/vnd.kubernetes.protobuf"));
        byte[] body = concat(new byte[] {'k', '8', 's', 0}, unknown);
        HttpResponse<String> response = api.client.send(HttpRequest.newBuilder(
                URI.create(api.base() + "/api/v1/namespaces")).header("Content-Type",
                "application/vnd.kubernetes.protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/namespaces/from-proto").status()).isEqualTo(200);
    }

    private static byte[] field(int number, String value) {
        return field(number, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] field(int number, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(number << 3 | 2);
        int length = value.length;
        while (length >= 0x80) {
            out.write(length & 0x7f | 0x80);
            length >>>= 7;
        }
        out.write(length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
