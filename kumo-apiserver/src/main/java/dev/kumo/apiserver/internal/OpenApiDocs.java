package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.meta.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * A minimal {@code /openapi/v3}: enough for kubectl to find each kind and see that the server validates fields
 * itself ({@code fieldValidation} on PATCH), so it sends {@code fieldValidation=Strict} and leaves the checks to us.
 */
final class OpenApiDocs {

    private final List<ResourceType> types;

    OpenApiDocs(List<ResourceType> types) {
        this.types = List.copyOf(types);
    }

    ObjectNode index() {
        ObjectNode doc = Json.object();
        ObjectNode paths = doc.putObject("paths");
        types.stream().map(OpenApiDocs::groupVersionPath).distinct().forEach(path ->
                paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=kumo-v1"));
        return doc;
    }

    /** The document for {@code api/v1} or {@code apis/{group}/{version}}. */
    Optional<ObjectNode> groupVersion(String path) {
        List<ResourceType> served = types.stream().filter(t -> groupVersionPath(t).equals(path)).toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = Json.object().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kumo").put("version", "v1");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        for (ResourceType type : served) {
            String prefix = "/" + path + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
            ObjectNode patch = paths.putObject(prefix + "/{name}").putObject("patch");
            patch.put("operationId", "patch" + type.kind()).put("x-kubernetes-action", "patch");
            gvk(patch.putObject("x-kubernetes-group-version-kind"), type);
            ArrayNode parameters = patch.putArray("parameters");
            for (String name : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
                parameters.addObject().put("name", name).put("in", "query").putObject("schema")
                        .put("type", name.equals("force") ? "boolean" : "string");
            }
            ObjectNode schema = schemas.putObject(schemaName(type)).put("type", "object")
                    .put("description", type.kind() + " (validated by the Kumo server)");
            gvk(schema.putArray("x-kubernetes-group-version-kind").addObject(), type);
            schema.put("x-kubernetes-preserve-unknown-fields", true);
        }
        return Optional.of(doc);
    }

    private static void gvk(ObjectNode node, ResourceType type) {
        node.put("group", type.group()).put("version", type.version()).put("kind", type.kind());
    }

    private static String schemaName(ResourceType type) {
        return type.group().isEmpty() ? "io.k8s.api.core." + type.version() + "." + type.kind()
                : String.join(".", List.of(type.group().split("\\.")).reversed()) + "." + type.version() + "."
                        + type.kind();
    }

    private static String groupVersionPath(ResourceType type) {
        return type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.group() + "/" + type.version();
    }
}
