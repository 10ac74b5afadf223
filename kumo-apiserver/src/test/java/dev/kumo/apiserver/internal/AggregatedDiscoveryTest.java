package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.registry.BuiltInKinds;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class AggregatedDiscoveryTest {

    private static final String KUBECTL_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    private static final AggregatedDiscovery DISCOVERY = new AggregatedDiscovery(BuiltInKinds.all().all());

    @Test
    void negotiatesThePreferredVersionOrNoneForLegacyClients() {
        assertThat(AggregatedDiscovery.negotiate(KUBECTL_ACCEPT))
                .hasValue("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        assertThat(AggregatedDiscovery.negotiate(
                "application/json; g=apidiscovery.k8s.io; v=v2beta1; as=APIGroupDiscoveryList, application/json"))
                .hasValue("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
        assertThat(AggregatedDiscovery.negotiate("application/json")).isEmpty();
        assertThat(AggregatedDiscovery.negotiate("")).isEqualTo(Optional.empty());
    }

    @Test
    void apisListsEveryGroupWithItsResourcesScopesAndSubresources() {
        ObjectNode doc = DISCOVERY.document(false,
                "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        assertThat(doc.path("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2");
        JsonNode serving = group(doc, "serving.knative.dev");
        JsonNode services = resource(serving, "services");
        assertThat(services.path("scope").asText()).isEqualTo("Namespaced");
        assertThat(services.path("responseKind").path("kind").asText()).isEqualTo("Service");
        assertThat(services.path("shortNames").toString()).contains("ksvc");
        assertThat(services.path("categories").toString()).contains("knative");
        assertThat(services.path("subresources").toString()).contains("\"status\"");
        assertThat(resource(serving, "revisions").path("subresources").toString()).contains("\"log\"",
                "\"autoscaling\"");
        assertThat(resource(group(doc, "apiextensions.k8s.io"), "customresourcedefinitions").path("scope").asText())
                .isEqualTo("Cluster");
        assertThat(resource(group(doc, "apps"), "deployments").path("verbs").toString()).contains("list", "watch");
        assertThat(doc.path("items").findValues("name").toString()).doesNotContain("\"\"");
    }

    @Test
    void apiHoldsTheCoreGroupUnnamed() {
        ObjectNode doc = DISCOVERY.document(true,
                "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
        assertThat(doc.path("apiVersion").asText()).isEqualTo("apidiscovery.k8s.io/v2beta1");
        assertThat(doc.path("items")).hasSize(1);
        JsonNode core = doc.path("items").get(0);
        assertThat(core.path("metadata").has("name")).isFalse();
        assertThat(resource(core, "namespaces").path("scope").asText()).isEqualTo("Cluster");
        assertThat(resource(core, "endpoints").path("shortNames").toString()).contains("ep");
    }

    private static JsonNode group(JsonNode doc, String name) {
        return StreamSupport.stream(doc.path("items").spliterator(), false)
                .filter(g -> g.path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode resource(JsonNode group, String plural) {
        return StreamSupport.stream(group.path("versions").get(0).path("resources").spliterator(), false)
                .filter(r -> r.path("resource").asText().equals(plural)).findFirst().orElseThrow();
    }
}
