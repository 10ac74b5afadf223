package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import java.util.Base64;

/**
 * Decodes the Kubernetes protobuf envelope ({@code k8s\0} + {@code runtime.Unknown}) that {@code kubectl create
 * namespace|configmap|secret} and {@code kubectl auth can-i} send, for those kinds only, into the same JSON tree a JSON
 * body would give.
 */
final class ProtobufObjects {

    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final java.util.Set<String> DECODED = java.util.Set.of("Namespace", "ConfigMap", "Secret",
            "SelfSubjectAccessReview", "SubjectAccessReview", "SelfSubjectRulesReview");

    private ProtobufObjects() {
    }

    static ObjectNode decode(byte[] body) {
        if (body.length < MAGIC.length || !java.util.Arrays.equals(body, 0, 4, MAGIC, 0, 4)) {
            throw ApiException.badRequest("protobuf body does not start with the k8s envelope magic");
        }
        ProtoReader unknown = new ProtoReader(java.util.Arrays.copyOfRange(body, 4, body.length));
        String apiVersion = "";
        String kind = "";
        byte[] raw = new byte[0];
        while (unknown.hasNext()) {
            int field = unknown.nextField();
            if (field == 1) {
                ProtoReader typeMeta = unknown.message();
                while (typeMeta.hasNext()) {
                    int f = typeMeta.nextField();
                    if (f == 1) {
                        apiVersion = typeMeta.string();
                    } else if (f == 2) {
                        kind = typeMeta.string();
                    } else {
                        typeMeta.skip();
                    }
                }
            } else if (field == 2) {
                raw = unknown.bytes();
            } else {
                unknown.skip();
            }
        }
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        ProtoReader reader = new ProtoReader(raw);
        while (reader.hasNext()) {
            int field = reader.nextField();
            switch (kind + ":" + field) {
                case "Namespace:1", "ConfigMap:1", "Secret:1", "SelfSubjectAccessReview:1", "SubjectAccessReview:1",
                        "SelfSubjectRulesReview:1" -> object.set("metadata", metadata(reader.message()));
                case "SelfSubjectAccessReview:2", "SubjectAccessReview:2", "SelfSubjectRulesReview:2" ->
                        object.set("spec", AccessReviewProtobuf.spec(kind, reader.message()));
                case "ConfigMap:2" -> entry(reader.message(), object.withObjectProperty("data"), false);
                case "ConfigMap:3" -> entry(reader.message(), object.withObjectProperty("binaryData"), true);
                case "Secret:2" -> entry(reader.message(), object.withObjectProperty("data"), true);
                case "Secret:3" -> object.put("type", reader.string());
                case "Secret:4" -> entry(reader.message(), object.withObjectProperty("stringData"), false);
                case "ConfigMap:4", "Secret:5" -> object.put("immutable", reader.varint() != 0);
                default -> {
                    if (!DECODED.contains(kind)) {
                        throw ApiException.badRequest("protobuf bodies are accepted for Namespace, ConfigMap, "
                                + "Secret and the access reviews only, not " + kind + "; send JSON (kubectl apply "
                                + "does)");
                    }
                    reader.skip();
                }
            }
        }
        return object;
    }

    private static ObjectNode metadata(ProtoReader reader) {
        ObjectNode metadata = Json.object();
        while (reader.hasNext()) {
            int field = reader.nextField();
            switch (field) {
                case 1 -> metadata.put("name", reader.string());
                case 2 -> metadata.put("generateName", reader.string());
                case 3 -> metadata.put("namespace", reader.string());
                case 11 -> entry(reader.message(), metadata.withObjectProperty("labels"), false);
                case 12 -> entry(reader.message(), metadata.withObjectProperty("annotations"), false);
                case 14 -> metadata.withArrayProperty("finalizers").add(reader.string());
                default -> reader.skip();
            }
        }
        return metadata;
    }

    /** One map entry (key = 1, value = 2); byte values are stored base64 as JSON does. */
    private static void entry(ProtoReader reader, ObjectNode into, boolean binary) {
        String key = "";
        String value = "";
        while (reader.hasNext()) {
            int field = reader.nextField();
            if (field == 1) {
                key = reader.string();
            } else if (field == 2) {
                value = binary ? Base64.getEncoder().encodeToString(reader.bytes()) : reader.string();
            } else {
                reader.skip();
            }
        }
        into.put(key, value);
    }
}
