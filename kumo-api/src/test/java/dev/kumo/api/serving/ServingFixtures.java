package dev.kumo.api.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.testing.KindFixtures;
import java.util.List;
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

    private static final KindFixtures KINDS = new KindFixtures(ServingKinds.all());

    private ServingFixtures() {
    }

    static ObjectNode yaml(String text) {
        return KindFixtures.yaml(text);
    }

    /** Every object in a fixture file under {@code src/test/resources/serving}. */
    static List<ObjectNode> resource(String file) {
        return KindFixtures.resource("serving/" + file);
    }

    static ObjectNode patched(String base, String patchYaml) {
        return KindFixtures.patched(base, patchYaml);
    }

    static Admitted admit(ObjectNode object) {
        return KINDS.admit(object);
    }

    static Admitted admit(ObjectNode object, Optional<ObjectNode> existing, FieldValidation validation) {
        return KINDS.admit(object, existing, validation);
    }

    static List<FieldError> causes(ObjectNode object, Optional<ObjectNode> existing) {
        return KINDS.causes(object, existing);
    }

    static JsonNode normalized(Object value) {
        return KindFixtures.normalized(value);
    }
}
