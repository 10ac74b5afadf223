package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.apiextensions.ApiExtensionsKinds;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnativeCrdsTest {

    private static final KnativeCrds CRDS = KnativeCrds.of(BuiltInKinds.all().types());

    @Test
    void everyKnativeKindKumoServesHasItsPublishedDefinition() {
        List<String> knativeKinds = BuiltInKinds.all().types().stream()
                .filter(t -> t.group().endsWith("knative.dev") || t.group().equals("shipwright.io")).map(t -> t.plural() + "." + t.group()).toList();
        assertThat(CRDS.all()).extracting(crd -> crd.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(knativeKinds).hasSize(KnativeCrds.FILES.size());
    }

    @Test
    void aDefinitionKeepsOnlyTheServedVersionAndNoConversionWebhook() {
        // Knative publishes PingSource v1beta2 and v1 with a conversion webhook; Kumo serves v1 alone.
        ObjectNode ping = crd("pingsources.sources.knative.dev");
        assertThat(ping.path("spec").path("versions")).hasSize(1);
        assertThat(ping.path("spec").path("versions").get(0).path("name").asText()).isEqualTo("v1");
        assertThat(ping.path("spec").path("versions").get(0).path("storage").asBoolean()).isTrue();
        assertThat(ping.path("spec").has("conversion")).isFalse();
        assertThat(ping.path("status").path("storedVersions").toString()).isEqualTo("[\"v1\"]");
        assertThat(ping.path("status").path("conditions").toString()).contains("Established");
    }

    @Test
    void shipwrightsBuildRunIsServedAtV1beta1WithItsSourceAndStatusFields() {
        ObjectNode buildRuns = crd("buildruns.shipwright.io");
        assertThat(buildRuns.path("spec").path("versions")).hasSize(1);
        assertThat(buildRuns.path("spec").path("versions").get(0).path("name").asText()).isEqualTo("v1beta1");
        JsonNode properties = buildRuns.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema")
                .path("properties");
        assertThat(properties.path("spec").path("properties").path("build").path("properties").path("spec")
                .path("properties").path("source").path("properties").has("contextDir")).isTrue();
        assertThat(properties.path("status").path("properties").has("failureDetails")).isTrue();
    }

    @Test
    void theServiceSchemaIsKnativesWithNestedContainerFields() {
        JsonNode containers = schema(ResourceTypes.SERVICE).path("properties").path("spec").path("properties")
                .path("template").path("properties").path("spec").path("properties").path("containers");
        assertThat(containers.path("type").asText()).isEqualTo("array");
        assertThat(containers.path("items").path("properties").path("readinessProbe").path("properties")
                .has("httpGet")).isTrue();
    }

    @Test
    void kumosCommandWithoutImageContainerFitsThePublishedSchemas() {
        // Kumo's extension — a container with a command and no image runs as a host process — needs no schema
        // change: Knative's webhook, not the CRD schema, is what requires an image.
        for (ResourceType type : List.of(ResourceTypes.SERVICE, ResourceTypes.CONFIGURATION, ResourceTypes.REVISION)) {
            JsonNode spec = schema(type).path("properties").path("spec");
            JsonNode podSpec = type.equals(ResourceTypes.REVISION) ? spec
                    : spec.path("properties").path("template").path("properties").path("spec");
            JsonNode container = podSpec.path("properties").path("containers").path("items");
            assertThat(container.path("properties").has("command")).as(type.kind()).isTrue();
            assertThat(container.path("properties").has("workingDir")).as(type.kind()).isTrue();
            assertThat(container.path("required").toString()).as(type.kind()).doesNotContain("image");
        }
        // A ContainerSource's template is left open by Knative (any pod template).
        assertThat(schema(ResourceTypes.CONTAINER_SOURCE).path("properties").path("spec").path("properties")
                .path("template").path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
    }

    @Test
    void installingAgainKeepsAnUnchangedDefinitionAndRepairsAChangedOne() {
        ResourceStore store = InMemoryStore.create();
        CRDS.install(store);
        ResourceType type = ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION;
        String version = resourceVersion(store, "services.serving.knative.dev");
        CRDS.install(store);
        assertThat(resourceVersion(store, "services.serving.knative.dev")).isEqualTo(version);

        ObjectNode edited = store.get(type, "", "routes.serving.knative.dev").orElseThrow();
        ((ObjectNode) edited.path("spec")).put("scope", "Cluster");
        store.update(type, edited);
        CRDS.install(store);
        assertThat(store.get(type, "", "routes.serving.knative.dev").orElseThrow().path("spec").path("scope")
                .asText()).isEqualTo("Namespaced");
        assertThat(store.list(type, ListOptions.ALL).items()).hasSize(KnativeCrds.FILES.size());
    }

    private static String resourceVersion(ResourceStore store, String name) {
        return store.get(ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION, "", name).orElseThrow().path("metadata")
                .path("resourceVersion").asText();
    }

    private static ObjectNode crd(String name) {
        return CRDS.all().stream().filter(c -> c.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow();
    }

    private static ObjectNode schema(ResourceType type) {
        return CRDS.schema(type).orElseThrow();
    }
}
