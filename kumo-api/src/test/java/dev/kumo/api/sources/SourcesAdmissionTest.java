package dev.kumo.api.sources;

import static dev.kumo.api.eventing.EventingFixtures.API_SERVER_SOURCE;
import static dev.kumo.api.eventing.EventingFixtures.CONTAINER_SOURCE;
import static dev.kumo.api.eventing.EventingFixtures.KINDS;
import static dev.kumo.api.eventing.EventingFixtures.PING_SOURCE;
import static dev.kumo.api.eventing.EventingFixtures.SINK_BINDING;
import static dev.kumo.api.testing.KindFixtures.patched;
import static dev.kumo.api.testing.KindFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.testing.ValidationRow;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The four sources are defaulted and validated as Knative's webhook does. */
class SourcesAdmissionTest {

    @Test
    void aPingSourceFiresEveryMinuteByDefault() {
        JsonNode ping = KINDS.admit(yaml(PING_SOURCE)).object();

        assertThat(ping.at("/spec/schedule").asText()).isEqualTo("* * * * *");
    }

    @Test
    void anApiServerSourceSendsReferencesAsTheDefaultServiceAccount() {
        JsonNode source = KINDS.admit(yaml(API_SERVER_SOURCE)).object();

        assertThat(source.at("/spec/mode").asText()).isEqualTo("Reference");
        assertThat(source.at("/spec/serviceAccountName").asText()).isEqualTo("default");
    }

    @Test
    void aSinkBindingsSubjectAndSinkAreInItsNamespace() {
        JsonNode binding = KINDS.admit(patched(SINK_BINDING, "spec: {sink: {uri: null, ref: {apiVersion: v1, "
                + "kind: Service, name: display}}}")).object();

        assertThat(binding.at("/spec/subject/namespace").asText()).isEqualTo("default");
        assertThat(binding.at("/spec/sink/ref/namespace").asText()).isEqualTo("default");
    }

    @Test
    void aContainerSourcesUnnamedContainersAreNamedAfterIt() {
        JsonNode source = KINDS.admit(yaml(CONTAINER_SOURCE)).object();

        assertThat(source.at("/spec/template/spec/containers/0/name").asText()).isEqualTo("heartbeat-0");
    }

    static Stream<ValidationRow> rows() {
        return Stream.of(
                new ValidationRow("a schedule is cron", PING_SOURCE, "spec: {schedule: '61 * * * *'}",
                        "spec.schedule", null),
                new ValidationRow("@every is not supported", PING_SOURCE, "spec: {schedule: '@every 1m'}",
                        "spec.schedule", "spec.schedule: Invalid value: \"@every 1m\": unsupported descriptor "
                                + "@every; write five cron fields, e.g. \"*/5 * * * *\""),
                new ValidationRow("a time zone is an IANA zone", PING_SOURCE, "spec: {timezone: Mars/Olympus}",
                        "spec.timezone", "spec.timezone: Invalid value: \"Mars/Olympus\": not a time zone of the "
                                + "IANA database, e.g. Europe/Paris or UTC"),
                new ValidationRow("a PingSource has a sink", PING_SOURCE, "spec: {sink: null}", "spec.sink",
                        "spec.sink: Required value: expected at least one, got none: ref, uri"),
                new ValidationRow("data or dataBase64, not both", PING_SOURCE, "spec: {data: a, dataBase64: YQ==}",
                        "spec", "spec: Forbidden: expected exactly one, got both: data, dataBase64"),
                new ValidationRow("dataBase64 is base64", PING_SOURCE, "spec: {dataBase64: '%%%'}",
                        "spec.dataBase64", null),
                new ValidationRow("JSON data is a JSON object", PING_SOURCE,
                        "spec: {contentType: application/json, data: '[1, 2]'}", "spec.data",
                        "spec.data: Invalid value: \"[1, 2]\": must be a JSON object when contentType is "
                                + "application/json"),
                new ValidationRow("JSON data parses", PING_SOURCE,
                        "spec: {contentType: application/json, data: '{oops'}", "spec.data", null),
                new ValidationRow("extension names are alphanumeric", PING_SOURCE,
                        "spec: {ceOverrides: {extensions: {my-ext: x}}}", "spec.ceOverrides.extensions[my-ext]",
                        "spec.ceOverrides.extensions[my-ext]: Invalid value: \"my-ext\": keys are expected to be "
                                + "alphanumeric"),
                new ValidationRow("modes are Reference or Resource", API_SERVER_SOURCE, "spec: {mode: Full}",
                        "spec.mode", "spec.mode: Unsupported value: \"Full\": supported values: \"Reference\", "
                                + "\"Resource\""),
                new ValidationRow("an ApiServerSource watches something", API_SERVER_SOURCE,
                        "spec: {resources: []}", "spec.resources", "spec.resources: Required value: at least one "
                                + "{apiVersion, kind} to watch"),
                new ValidationRow("a watched resource has a kind", API_SERVER_SOURCE,
                        "spec: {resources: [{apiVersion: v1}]}", "spec.resources[0].kind",
                        "spec.resources[0].kind: Required value: e.g. ConfigMap"),
                new ValidationRow("a watched resource has a valid apiVersion", API_SERVER_SOURCE,
                        "spec: {resources: [{apiVersion: a/b/c, kind: Pod}]}", "spec.resources[0].apiVersion",
                        "spec.resources[0].apiVersion: Invalid value: \"a/b/c\": must be VERSION or GROUP/VERSION, "
                                + "e.g. v1 or serving.knative.dev/v1"),
                new ValidationRow("selector operators are Kubernetes'", API_SERVER_SOURCE,
                        "spec: {resources: [{apiVersion: v1, kind: Pod, selector: {matchExpressions: [{key: app, "
                                + "operator: Is, values: [a]}]}}]}",
                        "spec.resources[0].selector.matchExpressions[0].operator",
                        "spec.resources[0].selector.matchExpressions[0].operator: Unsupported value: \"Is\": "
                                + "supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\""),
                new ValidationRow("the owner has a kind", API_SERVER_SOURCE, "spec: {owner: {apiVersion: apps/v1}}",
                        "spec.owner.kind", "spec.owner.kind: Required value: e.g. ConfigMap"),
                new ValidationRow("filters are feature-gated off", API_SERVER_SOURCE,
                        "spec: {filters: [{exact: {type: x}}]}", "spec.filters", "spec.filters: Forbidden: the "
                                + "new-apiserversource-filters feature is not enabled; remove the filters"),
                new ValidationRow("a subject has a kind", SINK_BINDING, "spec: {subject: {kind: null}}",
                        "spec.subject.kind", "spec.subject.kind: Required value: e.g. Deployment"),
                new ValidationRow("a subject is named or selected, not both", SINK_BINDING,
                        "spec: {subject: {selector: {matchLabels: {app: a}}}}", "spec.subject",
                        "spec.subject: Forbidden: expected exactly one, got both: name, selector"),
                new ValidationRow("a subject is named or selected", SINK_BINDING, "spec: {subject: {name: null}}",
                        "spec.subject", "spec.subject: Required value: expected exactly one, got neither: name, "
                                + "selector"),
                new ValidationRow("a subject is in the binding's namespace", SINK_BINDING,
                        "spec: {subject: {namespace: other}}", "spec.subject.namespace",
                        "spec.subject.namespace: Invalid value: \"other\": must be the SinkBinding's own namespace "
                                + "\"default\""),
                new ValidationRow("a ContainerSource runs something", CONTAINER_SOURCE,
                        "spec: {template: {spec: {containers: []}}}", "spec.template.spec.containers",
                        "spec.template.spec.containers: Required value: at least one container to run"),
                new ValidationRow("a container has an image or a command", CONTAINER_SOURCE,
                        "spec: {template: {spec: {containers: [{name: c}]}}}",
                        "spec.template.spec.containers[0].image", "spec.template.spec.containers[0].image: "
                                + "Required value: an image to run (or, with Kumo's process runtime, a command)"),
                new ValidationRow("a ContainerSource has a sink", CONTAINER_SOURCE, "spec: {sink: {uri: relative}}",
                        "spec.sink.uri", "spec.sink.uri: Invalid value: \"relative\": a relative URI needs a ref "
                                + "to resolve against; give an absolute URI such as http://host/path"));
    }

    /** Rows with a null message check the field only: their detail is the parser's own wording. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        KINDS.assertRefuses(row);
    }

    @Test
    void aContainerSourceMayRunACommandInsteadOfAnImage() {
        JsonNode source = KINDS.admit(patched(CONTAINER_SOURCE,
                "spec: {template: {spec: {containers: [{command: [./heartbeats]}]}}}")).object();

        assertThat(source.at("/spec/template/spec/containers/0/command/0").asText()).isEqualTo("./heartbeats");
    }
}
