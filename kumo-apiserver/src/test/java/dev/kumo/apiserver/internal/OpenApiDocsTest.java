package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.registry.BuiltInKinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenApiDocsTest {

    private static final List<ResourceType> TYPES = BuiltInKinds.all().types();
    private static final OpenApiDocs DOCS = new OpenApiDocs(TYPES, KnativeCrds.of(TYPES)::schema);

    @Test
    void v3ServesKnativesSchemaUnderTheKindsGroupVersionKind() {
        JsonNode service = DOCS.groupVersion("apis/serving.knative.dev/v1").orElseThrow()
                .path("components").path("schemas").path("dev.knative.serving.v1.Service");
        assertThat(service.path("x-kubernetes-group-version-kind").get(0).path("kind").asText()).isEqualTo("Service");
        assertThat(service.path("properties").path("spec").path("properties").path("template").path("properties")
                .path("spec").path("properties").path("containers").path("items").path("properties")
                .path("image").path("type").asText()).isEqualTo("string");
    }

    @Test
    void v3KeepsOnePatchPerKindDeclaringFieldValidationForKubectlApply() {
        JsonNode apps = DOCS.groupVersion("apis/apps/v1").orElseThrow();
        JsonNode patch = apps.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
                .path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo("Deployment");
        assertThat(patch.path("parameters").toString()).contains("\"fieldValidation\"");
        // Kinds without a published schema stay open: the server validates them.
        assertThat(apps.path("components").path("schemas").path("io.k8s.api.apps.v1.Deployment")
                .path("x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
    }

    @Test
    void theIndexHashChangesWithTheDocumentSoKubectlsCacheDoesNotServeAnOldOne() {
        String withSchemas = DOCS.index().path("paths").path("apis/serving.knative.dev/v1")
                .path("serverRelativeURL").asText();
        String without = new OpenApiDocs(TYPES, type -> Optional.empty()).index().path("paths")
                .path("apis/serving.knative.dev/v1").path("serverRelativeURL").asText();
        assertThat(withSchemas).startsWith("/openapi/v3/apis/serving.knative.dev/v1?hash=").isNotEqualTo(without);
        String again = new OpenApiDocs(TYPES, KnativeCrds.of(TYPES)::schema).index().path("paths")
                .path("apis/serving.knative.dev/v1").path("serverRelativeURL").asText();
        assertThat(again).isEqualTo(withSchemas);
    }

    @Test
    void v2JsonHoldsTheSameSchemasAsDefinitions() {
        ObjectNode swagger = DOCS.swagger();
        assertThat(swagger.path("swagger").asText()).isEqualTo("2.0");
        JsonNode fromV2 = swagger.path("definitions").path("dev.knative.serving.v1.Service");
        JsonNode fromV3 = DOCS.groupVersion("apis/serving.knative.dev/v1").orElseThrow().path("components")
                .path("schemas").path("dev.knative.serving.v1.Service");
        assertThat(fromV2).isEqualTo(fromV3);
        assertThat(swagger.path("paths").path("/api/v1/namespaces/{namespace}/configmaps/{name}").path("patch")
                .path("parameters").toString()).contains("fieldValidation");
    }

    @Test
    void v2ProtobufCarriesEachDefinitionWithItsFields() {
        Map<String, ObjectNode> definitions = Map.of("dev.knative.serving.v1.Service", Json.parseObject("""
                {"type": "object", "description": "A ksvc", "required": ["spec"],
                 "properties": {"spec": {"type": "object", "properties": {"containers": {"type": "array",
                   "items": {"type": "object", "properties": {"image": {"type": "string"}}}}}}},
                 "x-kubernetes-group-version-kind": [{"group": "serving.knative.dev", "version": "v1",
                   "kind": "Service"}]}"""));
        ProtoReader document = new ProtoReader(OpenApiV2Protobuf.document(definitions));
        ObjectNode decoded = Json.object();
        while (document.hasNext()) {
            int field = document.nextField();
            switch (field) {
                case 1 -> decoded.put("swagger", document.string());
                case 9 -> {
                    ProtoReader named = document.message();
                    assertThat(named.nextField()).isEqualTo(1);
                    ProtoReader entry = named.message();
                    entry.nextField();
                    decoded.put("name", entry.string());
                    entry.nextField();
                    decoded.set("schema", schema(entry.message()));
                }
                default -> document.skip();
            }
        }
        assertThat(decoded.path("swagger").asText()).isEqualTo("2.0");
        assertThat(decoded.path("name").asText()).isEqualTo("dev.knative.serving.v1.Service");
        JsonNode schema = decoded.path("schema");
        assertThat(schema.path("description").asText()).isEqualTo("A ksvc");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("required").asText()).isEqualTo("spec");
        assertThat(schema.path("x-kubernetes-group-version-kind").asText()).contains("\"kind\":\"Service\"");
        assertThat(schema.path("properties").path("spec").path("properties").path("containers").path("items")
                .path("properties").path("image").path("type").asText()).isEqualTo("string");
    }

    /** Reads back the Schema fields {@link OpenApiV2Protobuf} writes that this test looks at. */
    private static ObjectNode schema(ProtoReader reader) {
        ObjectNode schema = Json.object();
        while (reader.hasNext()) {
            switch (reader.nextField()) {
                case 4 -> schema.put("description", reader.string());
                case 19 -> schema.put("required", reader.string());
                case 22 -> {
                    ProtoReader type = reader.message();
                    type.nextField();
                    schema.put("type", type.string());
                }
                case 23 -> {
                    ProtoReader items = reader.message();
                    items.nextField();
                    schema.set("items", schema(items.message()));
                }
                case 25 -> {
                    ObjectNode properties = schema.putObject("properties");
                    ProtoReader named = reader.message();
                    while (named.hasNext()) {
                        named.nextField();
                        ProtoReader entry = named.message();
                        entry.nextField();
                        String name = entry.string();
                        entry.nextField();
                        properties.set(name, schema(entry.message()));
                    }
                }
                case 31 -> {
                    ProtoReader named = reader.message();
                    named.nextField();
                    String name = named.string();
                    named.nextField();
                    ProtoReader any = named.message();
                    any.nextField();
                    schema.put(name, any.string());
                }
                default -> reader.skip();
            }
        }
        return schema;
    }
}
