package dev.kumo.api.apps;

import static dev.kumo.api.testing.KindFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.core.CoreServiceKind;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.testing.KindFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deployments and core Services admitted with Kubernetes' defaults, refused naming the field. */
class AppsAdmissionTest {

    private static final KindFixtures KINDS = new KindFixtures(kinds());
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, command: [python3], args: [app.py]}]
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: default}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080}]
            """;

    /** A change to a valid object and the fields its refusal names. */
    record Row(String name, String base, Consumer<ObjectNode> change, List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> refusals() {
        return Stream.of(
                new Row("a selector the template's labels do not match", DEPLOYMENT,
                        d -> d.withObjectProperty("spec").withObjectProperty("selector")
                                .withObjectProperty("matchLabels").put("app", "other"),
                        List.of("spec.template.metadata.labels")),
                new Row("no selector", DEPLOYMENT, d -> d.withObjectProperty("spec").remove("selector"),
                        List.of("spec.selector")),
                new Row("negative replicas", DEPLOYMENT, d -> d.withObjectProperty("spec").put("replicas", -1),
                        List.of("spec.replicas")),
                new Row("maxSurge and maxUnavailable both 0", DEPLOYMENT, d -> d.withObjectProperty("spec")
                        .putObject("strategy").putObject("rollingUpdate").put("maxSurge", 0).put("maxUnavailable", 0),
                        List.of("spec.strategy.rollingUpdate.maxUnavailable")),
                new Row("maxSurge neither a count nor a percentage", DEPLOYMENT, d -> d.withObjectProperty("spec")
                        .putObject("strategy").putObject("rollingUpdate").put("maxSurge", "lots"),
                        List.of("spec.strategy.rollingUpdate.maxSurge")),
                new Row("an unknown strategy", DEPLOYMENT, d -> d.withObjectProperty("spec")
                        .putObject("strategy").put("type", "BlueGreen"), List.of("spec.strategy.type")),
                new Row("a Service without ports", SERVICE, s -> s.withObjectProperty("spec").remove("ports"),
                        List.of("spec.ports")),
                new Row("a UDP port (Kumo relays TCP)", SERVICE, s -> ((ObjectNode) s.withObjectProperty("spec")
                        .withArrayProperty("ports").get(0)).put("protocol", "UDP"), List.of("spec.ports[0].protocol")),
                new Row("two ports without names", SERVICE, s -> s.withObjectProperty("spec")
                        .withArrayProperty("ports").addObject().put("port", 81),
                        List.of("spec.ports[0].name", "spec.ports[1].name")));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusedNamingTheField(Row row) {
        ObjectNode object = yaml(row.base());
        row.change().accept(object);

        assertThat(KINDS.causes(object, Optional.empty())).extracting(FieldError::field)
                .containsExactlyElementsOf(row.fields());
    }

    @Test
    void aDeploymentGetsKubernetesDefaults() {
        ObjectNode admitted = KINDS.admit(yaml(DEPLOYMENT), Optional.empty(), FieldValidation.Strict).object();

        assertThat(admitted.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(admitted.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
        assertThat(admitted.at("/spec/strategy/rollingUpdate/maxSurge").asText()).isEqualTo("25%");
        assertThat(admitted.at("/spec/strategy/rollingUpdate/maxUnavailable").asText()).isEqualTo("25%");
        assertThat(admitted.at("/spec/progressDeadlineSeconds").asInt()).isEqualTo(600);
    }

    @Test
    void aDeploymentsSelectorCannotChange() {
        ObjectNode existing = KINDS.admit(yaml(DEPLOYMENT), Optional.empty(), FieldValidation.Strict).object();
        ObjectNode changed = existing.deepCopy();
        changed.withObjectProperty("spec").withObjectProperty("selector").withObjectProperty("matchLabels")
                .put("tier", "web");
        changed.withObjectProperty("spec").withObjectProperty("template").withObjectProperty("metadata")
                .withObjectProperty("labels").put("tier", "web");

        assertThat(KINDS.causes(changed, Optional.of(existing))).extracting(FieldError::field)
                .containsExactly("spec.selector");
    }

    @Test
    void aServiceGetsAClusterIpOfLoopbackAndItsTargetPort() {
        ObjectNode service = yaml(SERVICE);
        ((ObjectNode) service.withObjectProperty("spec").withArrayProperty("ports").get(0)).remove("targetPort");

        ObjectNode admitted = KINDS.admit(service, Optional.empty(), FieldValidation.Strict).object();

        assertThat(admitted.at("/spec/type").asText()).isEqualTo("ClusterIP");
        assertThat(admitted.at("/spec/clusterIP").asText()).isEqualTo("127.0.0.1");
        assertThat(admitted.at("/spec/ports/0/targetPort").asInt()).isEqualTo(80);
        assertThat(admitted.at("/spec/ports/0/protocol").asText()).isEqualTo("TCP");
    }

    private static List<dev.kumo.api.kinds.KindDefinition> kinds() {
        List<dev.kumo.api.kinds.KindDefinition> kinds = new ArrayList<>(AppsKinds.all());
        kinds.add(CoreServiceKind.definition());
        return kinds;
    }
}
