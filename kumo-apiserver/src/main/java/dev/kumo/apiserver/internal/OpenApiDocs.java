package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.meta.ResourceType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /openapi/v3} and {@code /openapi/v2}: each kind's schema (Knative's published one for the Knative kinds, an
 * open object for the others) under its {@code x-kubernetes-group-version-kind}, which {@code kubectl explain}
 * walks, and one PATCH per kind declaring {@code fieldValidation}, from which kubectl concludes that the server
 * validates fields itself, sends {@code fieldValidation=Strict} and leaves the checks to us.
 */
final class OpenApiDocs {

    private static final List<String> PATCH_PARAMETERS = List.of("dryRun", "fieldManager", "fieldValidation", "force");

    private final List<ResourceType> types;
    private final Function<ResourceType, Optional<ObjectNode>> schemas;
    private final Map<String, ObjectNode> groupVersions = new LinkedHashMap<>();
    private final ObjectNode index = Json.object();

    /** The documents of {@code types}, with the schema {@code schemas} gives a kind where it gives one. */
    OpenApiDocs(List<ResourceType> types, Function<ResourceType, Optional<ObjectNode>> schemas) {
        this.types = List.copyOf(types);
        this.schemas = schemas;
        ObjectNode paths = index.putObject("paths");
        types.stream().map(OpenApiDocs::groupVersionPath).distinct().forEach(path -> {
            ObjectNode document = buildGroupVersion(path);
            groupVersions.put(path, document);
            // kubectl caches each document on disk by this hash: it must change whenever the document does.
            paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash(document));
        });
    }

    ObjectNode index() {
        return index.deepCopy();
    }

    /** The document for {@code api/v1} or {@code apis/{group}/{version}}. */
    Optional<ObjectNode> groupVersion(String path) {
        return Optional.ofNullable(groupVersions.get(path)).map(ObjectNode::deepCopy);
    }

    /** The Swagger 2.0 document of every kind, as kube-apiserver serves it at {@code /openapi/v2} in JSON. */
    ObjectNode swagger() {
        ObjectNode doc = Json.object().put("swagger", "2.0");
        doc.putObject("info").put("title", "Kumo").put("version", "v1");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode definitions = doc.putObject("definitions");
        for (ResourceType type : types) {
            ObjectNode patch = patchOperation(paths, "/" + groupVersionPath(type), type);
            ArrayNode parameters = patch.putArray("parameters");
            PATCH_PARAMETERS.forEach(name -> parameters.addObject().put("name", name).put("in", "query")
                    .put("type", parameterType(name)));
            definitions.set(schemaName(type), schema(type));
        }
        return doc;
    }

    /** Each kind's definition by its schema name, for the protobuf rendering of {@code /openapi/v2}. */
    Map<String, ObjectNode> definitions() {
        Map<String, ObjectNode> definitions = new LinkedHashMap<>();
        types.forEach(type -> definitions.put(schemaName(type), schema(type)));
        return definitions;
    }

    private ObjectNode buildGroupVersion(String path) {
        ObjectNode doc = Json.object().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kumo").put("version", "v1");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemaObjects = doc.putObject("components").putObject("schemas");
        for (ResourceType type : types.stream().filter(t -> groupVersionPath(t).equals(path)).toList()) {
            ObjectNode patch = patchOperation(paths, "/" + path, type);
            ArrayNode parameters = patch.putArray("parameters");
            PATCH_PARAMETERS.forEach(name -> parameters.addObject().put("name", name).put("in", "query")
                    .putObject("schema").put("type", parameterType(name)));
            schemaObjects.set(schemaName(type), schema(type));
        }
        return doc;
    }

    private static ObjectNode patchOperation(ObjectNode paths, String prefix, ResourceType type) {
        String path = prefix + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural() + "/{name}";
        ObjectNode patch = paths.putObject(path).putObject("patch");
        patch.put("operationId", "patch" + type.kind()).put("x-kubernetes-action", "patch");
        gvk(patch.putObject("x-kubernetes-group-version-kind"), type);
        return patch;
    }

    private ObjectNode schema(ResourceType type) {
        ObjectNode schema = schemas.apply(type).orElseGet(() -> Json.object().put("type", "object")
                .put("description", type.kind() + " (validated by the Kumo server)")
                .put("x-kubernetes-preserve-unknown-fields", true));
        gvk(schema.putArray("x-kubernetes-group-version-kind").addObject(), type);
        return schema;
    }

    private static String parameterType(String name) {
        return name.equals("force") ? "boolean" : "string";
    }

    private static void gvk(ObjectNode node, ResourceType type) {
        node.put("group", type.group()).put("version", type.version()).put("kind", type.kind());
    }

    private static String hash(ObjectNode document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.writeBytes(document));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Kubernetes' name for a kind's schema: {@code io.k8s.api.apps.v1.Deployment}, {@code dev.knative.serving.v1.Service}. */
    static String schemaName(ResourceType type) {
        String group = type.group();
        String prefix = group.isEmpty() ? "io.k8s.api.core"
                : !group.contains(".") || group.endsWith(".k8s.io") ? "io.k8s.api." + group.split("\\.")[0]
                : String.join(".", List.of(group.split("\\.")).reversed());
        return prefix + "." + type.version() + "." + type.kind();
    }

    private static String groupVersionPath(ResourceType type) {
        return type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.group() + "/" + type.version();
    }
}
