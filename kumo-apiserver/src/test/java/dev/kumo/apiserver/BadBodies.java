package dev.kumo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded bad request bodies for the API: every field of a valid object given a value of each wrong type,
 * truncated and mutated JSON and YAML, and malformed patches.
 */
final class BadBodies {

    /** One request: method, path below the server, content type, body, and what it breaks. */
    record Case(String name, String method, String path, String contentType, String body) {

        @Override
        public String toString() {
            return name + ": " + method + " " + path + " [" + contentType + "] "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
    static final String SECRETS = "/api/v1/namespaces/default/secrets";

    static final String SERVICE = """
            {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"fuzz","labels":{"a":"b"},
             "annotations":{"autoscaling.knative.dev/min-scale":"1"}},
             "spec":{"template":{"metadata":{"annotations":{"autoscaling.knative.dev/target":"10"}},
              "spec":{"containerConcurrency":5,"timeoutSeconds":30,"containers":[{"image":"example.com/hello",
              "command":["run"],"args":["--port","8080"],"env":[{"name":"A","value":"1"}],
              "ports":[{"containerPort":8080}],"readinessProbe":{"httpGet":{"path":"/"}}}]}},
             "traffic":[{"latestRevision":true,"percent":100}]}}""";
    static final String CONFIGMAP = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fuzz","labels":{"a":"b"}},
             "data":{"k":"v"},"binaryData":{"b":"aGk="},"immutable":false}""";
    static final String SECRET = """
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"fuzz"},"type":"Opaque",
             "data":{"k":"aGk="},"stringData":{"s":"plain"},"immutable":false}""";

    private static final List<JsonNode> WRONG_VALUES = List.of(JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.numberNode(1), JsonNodeFactory.instance.numberNode(-1.5),
            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.textNode("x"),
            JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.arrayNode(),
            JsonNodeFactory.instance.arrayNode().addNull(), JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.objectNode().putNull("k"),
            JsonNodeFactory.instance.numberNode(new java.math.BigInteger("99999999999999999999999")));
    private static final List<String> BAD_YAML = List.of("kind: [unclosed", "a: b: c", "\t- tab", "- a\nb: c",
            "&a [*a]", "!!binary xyz", "? [a]\n: b", "a: !!int x", "---\na: 1\n---\nb: 2", "%YAML 9.9\n---\na: 1",
            "a: &x 1\nb: *y", "key: \"unterminated", "{a: 1, a: 2}", "!custom {}", "a:\n  - b\n c: d");

    private final Random random;

    BadBodies(Random random) {
        this.random = random;
    }

    /** Every case, in a fixed order for a given seed. */
    List<Case> all() {
        List<Case> cases = new ArrayList<>();
        wrongTypes("Service", ApiFixture.SERVICES, SERVICE, cases::add);
        wrongTypes("ConfigMap", CONFIGMAPS, CONFIGMAP, cases::add);
        wrongTypes("Secret", SECRETS, SECRET, cases::add);
        for (String[] kind : List.of(new String[] {ApiFixture.SERVICES, SERVICE}, new String[] {CONFIGMAPS, CONFIGMAP},
                new String[] {SECRETS, SECRET})) {
            truncations(kind[0], kind[1], cases::add);
            mutations(kind[0], kind[1], 120, cases::add);
        }
        for (String yaml : BAD_YAML) {
            cases.add(new Case("bad YAML", "POST", CONFIGMAPS, "application/yaml", yaml));
            cases.add(new Case("bad YAML apply", "PATCH", CONFIGMAPS + "/fuzz?fieldManager=f",
                    "application/apply-patch+yaml", yaml));
        }
        patches(cases::add);
        for (int i = 0; i < 60; i++) {
            cases.add(new Case("random protobuf", "POST", i % 2 == 0 ? CONFIGMAPS : SECRETS,
                    "application/vnd.kubernetes.protobuf", randomText(random.nextInt(64))));
        }
        return cases;
    }

    /** Each field (object, array or leaf) of {@code valid} replaced by each wrong value; POST, PUT and PATCH. */
    private void wrongTypes(String kind, String collection, String valid, Consumer<Case> out) {
        ObjectNode document = Json.parseObject(valid);
        for (String pointer : pointers(document, "")) {
            for (JsonNode wrong : WRONG_VALUES) {
                ObjectNode changed = document.deepCopy();
                replace(changed, pointer, wrong);
                String body = Json.write(changed);
                String name = kind + " " + pointer + " = " + wrong;
                out.accept(new Case(name, "POST", collection, "application/json", body));
                if (random.nextInt(3) == 0) {
                    out.accept(new Case(name, "PUT", collection + "/fuzz", "application/json", body));
                }
                if (random.nextInt(3) == 0) {
                    out.accept(new Case(name, "PATCH", collection + "/fuzz", "application/merge-patch+json", body));
                }
            }
        }
    }

    private void truncations(String collection, String valid, Consumer<Case> out) {
        String compact = Json.write(Json.parseObject(valid));
        for (int end = 0; end < compact.length(); end += 1 + random.nextInt(4)) {
            out.accept(new Case("truncated JSON", "POST", collection, "application/json", compact.substring(0, end)));
        }
        String yaml = toYaml(valid);
        for (int end = 1; end < yaml.length(); end += 3 + random.nextInt(8)) {
            out.accept(new Case("truncated YAML", "POST", collection, "application/yaml", yaml.substring(0, end)));
        }
    }

    private void mutations(String collection, String valid, int count, Consumer<Case> out) {
        String compact = Json.write(Json.parseObject(valid));
        String noise = "{}[]\":,\\\u0000\u00ff\u2028 0-e.tfn";
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(compact);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, noise.charAt(random.nextInt(noise.length())));
                    default -> text.setCharAt(at, noise.charAt(random.nextInt(noise.length())));
                }
            }
            out.accept(new Case("mutated JSON", random.nextBoolean() ? "POST" : "PUT",
                    collection + (random.nextBoolean() ? "" : "/fuzz"), "application/json", text.toString()));
        }
    }

    private void patches(Consumer<Case> out) {
        List<String> jsonPatches = List.of("{}", "[{}]", "[{\"op\":\"add\"}]", "[{\"op\":\"replace\",\"path\":1}]",
                "[{\"op\":\"remove\",\"path\":\"/nope/deeper\"}]", "[{\"op\":\"move\",\"from\":\"/x\",\"path\":\"/y\"}]",
                "[{\"op\":\"replace\",\"path\":\"/metadata\",\"value\":\"x\"}]",
                "[{\"op\":\"add\",\"path\":\"/data/k\",\"value\":{}}]", "[{\"op\":\"test\",\"path\":\"/kind\",\"value\":1}]",
                "[{\"op\":\"replace\",\"path\":\"\",\"value\":[]}]", "[{\"op\":\"copy\",\"from\":\"/data\",\"path\":\"/data/x\"}]",
                "[null]", "[1,2]", "null", "\"x\"");
        List<String> mergePatches = List.of("[]", "1", "null", "{\"metadata\":\"x\"}", "{\"metadata\":{\"name\":1}}",
                "{\"data\":[]}", "{\"data\":{\"k\":{}}}", "{\"kind\":null}", "{\"apiVersion\":5}",
                "{\"metadata\":{\"labels\":\"x\"}}", "{\"spec\":\"x\"}", "{\"status\":7}");
        for (String collection : List.of(ApiFixture.SERVICES, CONFIGMAPS, SECRETS)) {
            for (String patch : jsonPatches) {
                out.accept(new Case("JSON patch", "PATCH", collection + "/fuzz", "application/json-patch+json", patch));
            }
            for (String patch : mergePatches) {
                out.accept(new Case("merge patch", "PATCH", collection + "/fuzz", "application/merge-patch+json",
                        patch));
                out.accept(new Case("strategic patch", "PATCH", collection + "/fuzz",
                        "application/strategic-merge-patch+json", patch));
                if (collection.equals(ApiFixture.SERVICES)) {
                    out.accept(new Case("status merge patch", "PATCH", collection + "/fuzz/status",
                            "application/merge-patch+json", patch));
                }
            }
        }
    }

    private static List<String> pointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (!at.isEmpty()) {
            pointers.add(at);
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                pointers.addAll(pointers(field.getValue(), at + "/" + field.getKey().replace("~", "~0")
                        .replace("/", "~1")));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                pointers.addAll(pointers(array.get(i), at + "/" + i));
            }
        }
        return pointers;
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static String toYaml(String json) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(Json.parseObject(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(256));
        }
        return text.toString();
    }
}
