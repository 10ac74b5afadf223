package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class DiscoveryIT {

    private static final ApiFixture api = new ApiFixture();

    @AfterAll
    static void close() {
        api.close();
    }

    @Test
    void versionReportsTheKubernetesLevelKumoFollows() {
        JsonNode version = api.get("/version").json();
        assertThat(version.path("major").asText()).isEqualTo("1");
        assertThat(version.path("minor").asText()).isEqualTo("32");
    }

    @Test
    void coreAndServingGroupsAreDiscoverableWithShortNamesAndCategories() {
        assertThat(api.get("/api").json().path("versions").toString()).contains("v1");
        JsonNode groups = api.get("/apis").json();
        assertThat(groups.path("groups").get(0).path("name").asText()).isEqualTo("serving.knative.dev");
        assertThat(groups.path("groups").get(0).path("preferredVersion").path("version").asText()).isEqualTo("v1");

        JsonNode serving = api.get("/apis/serving.knative.dev/v1").json();
        JsonNode services = find(serving, "services");
        assertThat(services.path("shortNames").toString()).contains("ksvc");
        assertThat(services.path("categories").toString()).contains("knative", "serving", "all");
        assertThat(services.path("verbs").toString()).contains("watch", "patch", "deletecollection");
        assertThat(find(serving, "services/status").path("verbs").toString()).contains("update");
        assertThat(find(serving, "revisions").path("shortNames").toString()).contains("rev");
        assertThat(find(serving, "revisions/log").path("verbs").toString()).isEqualTo("[\"get\"]");
        assertThat(find(serving, "revisions/autoscaling").path("verbs").toString()).isEqualTo("[\"get\"]");
        assertThat(find(serving, "routes").path("shortNames").toString()).contains("rt");
        assertThat(find(serving, "configurations").path("shortNames").toString()).contains("config");

        JsonNode core = api.get("/api/v1").json();
        assertThat(find(core, "namespaces").path("namespaced").asBoolean()).isFalse();
        assertThat(find(core, "configmaps").path("shortNames").toString()).contains("cm");
        assertThat(find(core, "secrets").path("kind").asText()).isEqualTo("Secret");
    }

    @Test
    void theMediaTypeAlwaysNamesTheBodyAggregatedWhenPreferredLegacyOtherwise() {
        // Issue #15 replaced "legacy JSON even when aggregated discovery is preferred" by serving aggregated
        // discovery; what stays is that the Content-Type names the document actually sent.
        ApiFixture.Response aggregated = api.get("/apis", "Accept",
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json");
        assertThat(aggregated.raw().headers().firstValue("content-type"))
                .hasValue("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        assertThat(aggregated.json().path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
        ApiFixture.Response legacy = api.get("/apis", "Accept", "application/json");
        assertThat(legacy.raw().headers().firstValue("content-type")).hasValue("application/json");
        assertThat(legacy.json().path("kind").asText()).isEqualTo("APIGroupList");
    }

    @Test
    void theAccessReviewsAreDiscoverableAsCreateOnlyInBothFormats() {
        assertThat(api.get("/apis").json().path("groups").toString()).contains("\"authorization.k8s.io\"");
        JsonNode legacy = api.get("/apis/authorization.k8s.io/v1").json();
        assertThat(legacy.path("groupVersion").asText()).isEqualTo("authorization.k8s.io/v1");
        assertThat(legacy.path("resources").findValuesAsText("name")).containsExactlyInAnyOrder(
                "selfsubjectaccessreviews", "subjectaccessreviews", "localsubjectaccessreviews",
                "selfsubjectrulesreviews");
        legacy.path("resources").forEach(resource -> {
            assertThat(resource.path("verbs").toString()).isEqualTo("[\"create\"]");
            assertThat(resource.path("namespaced").asBoolean())
                    .isEqualTo(resource.path("name").asText().equals("localsubjectaccessreviews"));
        });

        JsonNode aggregated = api.get("/apis", "Accept",
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList").json();
        JsonNode group = null;
        for (JsonNode item : aggregated.path("items")) {
            if (item.at("/metadata/name").asText().equals("authorization.k8s.io")) {
                group = item;
            }
        }
        assertThat(group).isNotNull();
        JsonNode resources = group.at("/versions/0/resources");
        assertThat(resources.findValuesAsText("resource")).containsExactlyInAnyOrder(
                "selfsubjectaccessreviews", "subjectaccessreviews", "localsubjectaccessreviews",
                "selfsubjectrulesreviews");
        assertThat(resources.get(0).path("scope").asText()).isEqualTo("Cluster");
        assertThat(resources.get(0).path("verbs").toString()).isEqualTo("[\"create\"]");
        assertThat(resources.get(0).at("/responseKind/kind").asText()).endsWith("Review");
    }

    @Test
    void openApiV3NamesEachKindAndDeclaresServerSideFieldValidation() {
        JsonNode index = api.get("/openapi/v3").json();
        String url = index.path("paths").path("apis/serving.knative.dev/v1").path("serverRelativeURL").asText();
        assertThat(url).startsWith("/openapi/v3/apis/serving.knative.dev/v1");
        assertThat(index.path("paths").has("api/v1")).isTrue();

        JsonNode doc = api.get(url).json();
        JsonNode patch = doc.path("paths")
                .path("/apis/serving.knative.dev/v1/namespaces/{namespace}/services/{name}").path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo("Service");
        assertThat(patch.path("parameters").toString()).contains("fieldValidation");
    }

    @Test
    void unknownPathsAreNotFoundStatuses() {
        ApiFixture.Response response = api.get("/apis/example.com/v1/widgets");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("kind").asText()).isEqualTo("Status");
        assertThat(response.json().path("reason").asText()).isEqualTo("NotFound");
    }

    private static JsonNode find(JsonNode resourceList, String name) {
        for (JsonNode resource : resourceList.path("resources")) {
            if (resource.path("name").asText().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError(name + " not in " + resourceList);
    }
}
