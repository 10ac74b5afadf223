package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;

/**
 * The {@code spec} of an authorization.k8s.io/v1 review in protobuf (its {@code generated.proto} field numbers), as
 * {@code kubectl auth can-i} sends it, into the JSON a JSON body would carry.
 */
final class AccessReviewProtobuf {

    private AccessReviewProtobuf() {
    }

    static ObjectNode spec(String kind, ProtoReader reader) {
        ObjectNode spec = Json.object();
        while (reader.hasNext()) {
            int field = reader.nextField();
            switch (kind.equals("SelfSubjectRulesReview") ? 10 + field : field) {
                case 1 -> spec.set("resourceAttributes", resourceAttributes(reader.message()));
                case 2 -> spec.set("nonResourceAttributes", nonResourceAttributes(reader.message()));
                case 3 -> spec.put("user", reader.string());
                case 4 -> spec.withArrayProperty("groups").add(reader.string());
                case 6 -> spec.put("uid", reader.string());
                case 11 -> spec.put("namespace", reader.string());
                default -> reader.skip();
            }
        }
        return spec;
    }

    private static ObjectNode resourceAttributes(ProtoReader reader) {
        ObjectNode attributes = Json.object();
        String[] names = {"", "namespace", "verb", "group", "version", "resource", "subresource", "name"};
        while (reader.hasNext()) {
            int field = reader.nextField();
            if (field < names.length && field > 0) {
                attributes.put(names[field], reader.string());
            } else {
                reader.skip();
            }
        }
        return attributes;
    }

    private static ObjectNode nonResourceAttributes(ProtoReader reader) {
        ObjectNode attributes = Json.object();
        while (reader.hasNext()) {
            int field = reader.nextField();
            switch (field) {
                case 1 -> attributes.put("path", reader.string());
                case 2 -> attributes.put("verb", reader.string());
                default -> reader.skip();
            }
        }
        return attributes;
    }
}
