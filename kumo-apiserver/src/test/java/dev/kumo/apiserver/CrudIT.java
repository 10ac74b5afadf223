package dev.kumo.apiserver;

import static dev.kumo.apiserver.ApiFixture.SERVICES;
import static dev.kumo.apiserver.ApiFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrudIT {

    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void createGetListAndDeleteAService() {
        ApiFixture.Response created = api.post(SERVICES, service("hello", ""));
        assertThat(created.status()).isEqualTo(201);
        JsonNode metadata = created.json().path("metadata");
        assertThat(metadata.path("uid").asText()).isNotEmpty();
        assertThat(metadata.path("namespace").asText()).isEqualTo("default");
        assertThat(metadata.path("generation").asLong()).isEqualTo(1);
        assertThat(created.json().path("spec").path("traffic").get(0).path("percent").asInt()).isEqualTo(100);

        assertThat(api.get(SERVICES + "/hello").json().path("metadata").path("uid").asText())
                .isEqualTo(metadata.path("uid").asText());
        JsonNode list = api.get(SERVICES).json();
        assertThat(list.path("kind").asText()).isEqualTo("ServiceList");
        assertThat(list.path("items")).hasSize(1);
        assertThat(list.path("metadata").path("resourceVersion").asText()).isNotEmpty();

        assertThat(api.send("DELETE", SERVICES + "/hello", "application/json",
                "{\"propagationPolicy\":\"Background\"}").status()).isEqualTo(200);
        ApiFixture.Response gone = api.get(SERVICES + "/hello");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("message").asText()).isEqualTo("services.serving.knative.dev \"hello\" not found");
    }

    @Test
    void listsFilterByLabelAndNameAcrossNamespaces() {
        api.post(SERVICES, service("one", ""));
        api.post(SERVICES, service("two", ""));
        assertThat(api.get(SERVICES + "?labelSelector=app%3Dtwo").json().path("items")).hasSize(1);
        assertThat(api.get(SERVICES + "?fieldSelector=metadata.name%3Done").json().path("items").get(0)
                .path("metadata").path("name").asText()).isEqualTo("one");
        assertThat(api.get("/apis/serving.knative.dev/v1/services").json().path("items")).hasSize(2);
        assertThat(api.get(SERVICES + "?fieldSelector=spec.foo%3Dx").status()).isEqualTo(400);
    }

    @Test
    void duplicatesAndStaleUpdatesAreRefusedAndChangeNothing() {
        JsonNode created = api.post(SERVICES, service("hello", "")).json();
        ApiFixture.Response duplicate = api.post(SERVICES, service("hello", ""));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("reason").asText()).isEqualTo("AlreadyExists");

        ObjectNode stale = (ObjectNode) created.deepCopy();
        stale.with("metadata").put("resourceVersion", "1");
        stale.with("metadata").with("labels").put("app", "changed");
        ApiFixture.Response conflict = api.send("PUT", SERVICES + "/hello", "application/json", Json.write(stale));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("reason").asText()).isEqualTo("Conflict");
        assertThat(api.get(SERVICES + "/hello").json().path("metadata").path("labels").path("app").asText())
                .isEqualTo("hello");
    }

    @Test
    void putWithTheCurrentResourceVersionBumpsGenerationOnlyForSpecChanges() {
        ObjectNode current = (ObjectNode) api.post(SERVICES, service("hello", "")).json();
        current.with("metadata").with("labels").put("tier", "web");
        ObjectNode relabelled = (ObjectNode) api.send("PUT", SERVICES + "/hello", "application/json",
                Json.write(current)).json();
        assertThat(relabelled.path("metadata").path("generation").asLong()).isEqualTo(1);

        ((ObjectNode) relabelled.at("/spec/template/spec/containers/0")).put("image", "example.com/hello:v2");
        ObjectNode changed = (ObjectNode) api.send("PUT", SERVICES + "/hello", "application/json",
                Json.write(relabelled)).json();
        assertThat(changed.path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    @Test
    void invalidObjectsAre422WithFieldCausesAndNothingIsStored() {
        ApiFixture.Response invalid = api.post(SERVICES, service("bad",
                ",\"traffic\":[{\"latestRevision\":true,\"percent\":90}]"));
        assertThat(invalid.status()).isEqualTo(422);
        JsonNode status = invalid.json();
        assertThat(status.path("reason").asText()).isEqualTo("Invalid");
        assertThat(status.path("details").path("kind").asText()).isEqualTo("Service");
        assertThat(status.path("details").path("name").asText()).isEqualTo("bad");
        assertThat(status.path("details").path("causes").get(0).path("field").asText()).startsWith("spec.traffic");
        assertThat(status.path("message").asText()).startsWith("Service \"bad\" is invalid: spec.traffic");
        assertThat(api.get(SERVICES + "/bad").status()).isEqualTo(404);
    }

    @Test
    void unknownFieldsAreRejectedByDefaultWarnedOrDropped() {
        String withUnknown = service("odd", ",\"bogus\":1");
        ApiFixture.Response strict = api.post(SERVICES, withUnknown);
        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.json().path("message").asText()).contains("unknown field \"spec.bogus\"");

        ApiFixture.Response warned = api.post(SERVICES + "?fieldValidation=Warn", withUnknown);
        assertThat(warned.status()).isEqualTo(201);
        assertThat(warned.warnings()).anySatisfy(w -> assertThat(w).contains("unknown field \\\"spec.bogus\\\"")
                .startsWith("299 - "));
        assertThat(warned.json().path("spec").has("bogus")).isFalse();
    }

    @Test
    void creatingInAMissingNamespaceIsNotFound() {
        ApiFixture.Response response = api.post("/apis/serving.knative.dev/v1/namespaces/nope/services",
                service("hello", ""));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("message").asText()).contains("namespaces \"nope\" not found");
    }

    @Test
    void namespaceOfTheBodyMustMatchThePath() {
        String body = service("hello", "").replace("\"name\":\"hello\"", "\"name\":\"hello\",\"namespace\":\"x\"");
        assertThat(api.post(SERVICES, body).status()).isEqualTo(400);
    }

    @Test
    void generateNameGivesUniqueNames() {
        String body = service("x", "").replace("\"name\":\"x\"", "\"generateName\":\"hello-\"");
        String first = api.post(SERVICES, body).json().path("metadata").path("name").asText();
        String second = api.post(SERVICES, body).json().path("metadata").path("name").asText();
        assertThat(first).startsWith("hello-").isNotEqualTo(second);
    }

    @Test
    void tablesCarryKnativeColumnsAndRowMetadata() {
        api.post(SERVICES, service("hello", ""));
        JsonNode table = api.get(SERVICES, "Accept",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").json();
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "URL", "LatestCreated", "LatestReady", "Ready", "Reason");
        assertThat(table.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("hello");
        assertThat(table.path("rows").get(0).path("object").path("metadata").path("namespace").asText())
                .isEqualTo("default");
    }
}
