package dev.kumo.api.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.Manifests;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.Admission;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.KindDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Manifests and admission helpers shared by the serving tests. */
final class ServingFixtures {

    static final String SERVICE = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: hello, namespace: default}
            spec:
              template:
                spec:
                  containers:
                    - image: ghcr.io/knative/helloworld-go:latest
                      ports: [{containerPort: 8080}]
            """;
    static final String CONFIGURATION = SERVICE.replace("kind: Service", "kind: Configuration");
    static final String ROUTE = """
            apiVersion: serving.knative.dev/v1
            kind: Route
            metadata: {name: hello, namespace: default}
            spec:
              traffic: [{configurationName: hello, percent: 100}]
            """;
    static final String REVISION = """
            apiVersion: serving.knative.dev/v1
            kind: Revision
            metadata: {name: hello-00001, namespace: default}
            spec:
              containers:
                - image: ghcr.io/knative/helloworld-go:latest
            """;

    private static final Map<String, Admission> ADMISSIONS = ServingKinds.all().stream()
            .collect(java.util.stream.Collectors.toMap(d -> d.type().kind(), KindDefinition::admission));

    private ServingFixtures() {
    }

    /** The single object in a YAML text. */
    static ObjectNode yaml(String text) {
        List<ObjectNode> objects = Manifests.read(text);
        assertThat(objects).hasSize(1);
        return objects.get(0);
    }

    /** Every object in a fixture file under {@code src/test/resources/serving}. */
    static List<ObjectNode> resource(String file) {
        try (InputStream in = ServingFixtures.class.getResourceAsStream("/serving/" + file)) {
            return Manifests.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code base} with a JSON merge patch (RFC 7386) written in YAML applied: null deletes, arrays replace. */
    static ObjectNode patched(String base, String patchYaml) {
        ObjectNode target = yaml(base);
        merge(target, yaml(patchYaml));
        return target;
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode child) {
                merge(child, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    static Admitted admit(ObjectNode object) {
        return admit(object, Optional.empty(), FieldValidation.Strict);
    }

    static Admitted admit(ObjectNode object, Optional<ObjectNode> existing, FieldValidation validation) {
        return ADMISSIONS.get(object.path("kind").asText()).admit(object, existing, validation);
    }

    /** The field errors that admitting {@code object} (as an update of {@code existing}, if given) fails with. */
    static List<FieldError> causes(ObjectNode object, Optional<ObjectNode> existing) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admit(object, existing, FieldValidation.Strict));
        assertThat(e).as("admission should fail").isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(422);
        return e.causes();
    }

    /** A tree normalized through text, so that int and long nodes of equal value compare equal. */
    static JsonNode normalized(Object value) {
        try {
            return Json.mapper().readTree(Json.write(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
