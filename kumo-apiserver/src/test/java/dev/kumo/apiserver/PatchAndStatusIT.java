package dev.kumo.apiserver;

import static dev.kumo.apiserver.ApiFixture.SERVICES;
import static dev.kumo.apiserver.ApiFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PatchAndStatusIT {

    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void mergePatchChangesOnlyWhatItNames() {
        api.post(SERVICES, service("hello", ""));
        JsonNode patched = api.send("PATCH", SERVICES + "/hello", "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"tier\":\"web\"}}}").json();
        assertThat(patched.path("metadata").path("labels").path("tier").asText()).isEqualTo("web");
        assertThat(patched.path("metadata").path("labels").path("app").asText()).isEqualTo("hello");
        assertThat(patched.path("metadata").path("generation").asLong()).isEqualTo(1);
    }

    @Test
    void strategicMergePatchIsAMergePatchForKnativeKinds() {
        api.post(SERVICES, service("hello", ""));
        ApiFixture.Response patched = api.send("PATCH", SERVICES + "/hello", "application/strategic-merge-patch+json",
                "{\"metadata\":{\"annotations\":{\"note\":\"x\"}}}");
        assertThat(patched.json().path("metadata").path("annotations").path("note").asText()).isEqualTo("x");
    }

    @Test
    void jsonPatchAppliesOperationsAndRejectsBadOnes() {
        api.post(SERVICES, service("hello", ""));
        JsonNode patched = api.send("PATCH", SERVICES + "/hello", "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"x/y:2\"}]")
                .json();
        assertThat(patched.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("x/y:2");
        assertThat(patched.path("metadata").path("generation").asLong()).isEqualTo(2);

        ApiFixture.Response bad = api.send("PATCH", SERVICES + "/hello", "application/json-patch+json",
                "[{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"nope\"}]");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void invalidPatchesAre422AndLeaveTheObjectAsItWas() {
        api.post(SERVICES, service("hello", ""));
        ApiFixture.Response invalid = api.send("PATCH", SERVICES + "/hello", "application/merge-patch+json",
                "{\"spec\":{\"template\":{\"spec\":{\"timeoutSeconds\":9000}}}}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(api.get(SERVICES + "/hello").json().at("/spec/template/spec/timeoutSeconds").asInt())
                .isEqualTo(300);
    }

    @Test
    void serverSideApplyCreatesThenMerges() {
        ApiFixture.Response created = api.send("PATCH", SERVICES + "/hello?fieldManager=kubectl&force=false",
                "application/apply-patch+yaml", service("hello", ""));
        assertThat(created.status()).isEqualTo(201);
        ApiFixture.Response updated = api.send("PATCH", SERVICES + "/hello?fieldManager=kubectl",
                "application/apply-patch+yaml",
                service("hello", "").replace("\"app\":\"hello\"", "\"app\":\"hello\",\"v\":\"2\""));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("metadata").path("labels").path("v").asText()).isEqualTo("2");
    }

    @Test
    void statusIsWrittenOnlyThroughTheStatusSubresource() {
        JsonNode created = api.post(SERVICES, service("hello", "")).json();
        String rv = created.path("metadata").path("resourceVersion").asText();
        String withStatus = service("hello", "").replace("\"metadata\":{",
                "\"status\":{\"url\":\"http://hello.default.localhost\"},\"metadata\":{\"resourceVersion\":\"" + rv
                        + "\",");
        JsonNode statusWritten = api.send("PUT", SERVICES + "/hello/status", "application/json", withStatus).json();
        assertThat(statusWritten.at("/status/url").asText()).isEqualTo("http://hello.default.localhost");

        JsonNode afterPatch = api.send("PATCH", SERVICES + "/hello", "application/merge-patch+json",
                "{\"status\":{\"url\":\"http://elsewhere\"}}").json();
        assertThat(afterPatch.at("/status/url").asText()).isEqualTo("http://hello.default.localhost");

        JsonNode statusPatched = api.send("PATCH", SERVICES + "/hello/status", "application/merge-patch+json",
                "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}").json();
        assertThat(statusPatched.at("/status/conditions/0/status").asText()).isEqualTo("True");
        assertThat(statusPatched.at("/metadata/generation").asLong()).isEqualTo(1);
    }
}
