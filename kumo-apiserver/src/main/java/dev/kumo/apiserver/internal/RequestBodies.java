package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.Manifests;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Turns request bodies into JSON trees by their content type: JSON, YAML or the Kubernetes protobuf envelope. */
final class RequestBodies {

    private RequestBodies() {
    }

    /** The object a create or update sends. */
    static ObjectNode object(ApiRequest request) {
        if (request.body().length == 0) {
            throw ApiException.badRequest("the request has no body; send the object as JSON or YAML");
        }
        return switch (request.contentType()) {
            case "application/vnd.kubernetes.protobuf" -> ProtobufObjects.decode(request.body());
            case "application/yaml", "application/x-yaml", "text/yaml", "application/apply-patch+yaml" -> yaml(request);
            case "", "application/json", "text/json" -> Json.parseObject(request.body());
            default -> throw unsupported(request.contentType());
        };
    }

    /** Any JSON value (a JSON patch is an array). */
    static JsonNode json(ApiRequest request) {
        try {
            JsonNode node = Json.mapper().readTree(request.body());
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("the request has no body");
            }
            return node;
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getMessage().split("\n")[0]);
        }
    }

    static ApiException unsupported(String contentType) {
        return new ApiException(StatusReason.UnsupportedMediaType, "the body of the request was in an unknown "
                + "format - accepted media types include: application/json, application/yaml, "
                + "application/merge-patch+json, application/json-patch+json, application/apply-patch+yaml "
                + "(got \"" + contentType + "\")", "", "", List.of());
    }

    private static ObjectNode yaml(ApiRequest request) {
        List<ObjectNode> objects = Manifests.read(new String(request.body(), StandardCharsets.UTF_8));
        if (objects.size() != 1) {
            throw ApiException.badRequest("expected exactly one object in the body, got " + objects.size());
        }
        return objects.get(0);
    }
}
