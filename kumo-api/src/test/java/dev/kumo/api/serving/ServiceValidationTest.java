package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.SERVICE;
import static dev.kumo.api.serving.ServingFixtures.causes;
import static dev.kumo.api.serving.ServingFixtures.patched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.testing.ValidationRow;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Service rule, traffic and template alike, refuses a broken manifest with its field path and message. */
class ServiceValidationTest {

    private static final String DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or "
            + "'-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or "
            + "'abc-123')";

    static Stream<ValidationRow> rows() {
        return Stream.of(
                row("traffic must sum to 100", "spec: {traffic: [{latestRevision: true, percent: 90}]}",
                        "spec.traffic", "spec.traffic: Invalid value: 90: Traffic targets sum to 90, want 100"),
                row("a missing percent counts as 0", "spec: {traffic: [{latestRevision: true}]}",
                        "spec.traffic", "spec.traffic: Invalid value: 0: Traffic targets sum to 0, want 100"),
                row("percent at most 100",
                        "spec: {traffic: [{latestRevision: true, percent: 101}, {revisionName: hello-a, percent: 0}]}",
                        "spec.traffic[0].percent", "spec.traffic[0].percent: Invalid value: 101: expected 0 <= 101 <= 100"),
                row("percent at least 0",
                        "spec: {traffic: [{latestRevision: true, percent: 110}, {revisionName: hello-a, percent: -10}]}",
                        "spec.traffic[1].percent", "spec.traffic[1].percent: Invalid value: -10: expected 0 <= -10 <= 100"),
                row("tags are unique",
                        "spec: {traffic: [{revisionName: hello-a, percent: 50, tag: a}, {percent: 50, tag: a}]}",
                        "spec.traffic[1].tag", "spec.traffic[1].tag: Duplicate value: \"a\": Multiple definitions for "
                                + "\"a\", also at spec.traffic[0].tag"),
                row("tags are DNS labels", "spec: {traffic: [{percent: 100, tag: Bad_Tag}]}", "spec.traffic[0].tag",
                        "spec.traffic[0].tag: Invalid value: \"Bad_Tag\": not a DNS 1035 label: " + DNS1035),
                row("no configurationName in a Service", "spec: {traffic: [{configurationName: hello, percent: 100}]}",
                        "spec.traffic[0].configurationName", "spec.traffic[0].configurationName: Forbidden: must not "
                                + "set the field(s): a Service's traffic goes to its own Configuration; name a "
                                + "revisionName or set latestRevision"),
                row("latestRevision true with a revisionName",
                        "spec: {traffic: [{revisionName: hello-a, latestRevision: true, percent: 100}]}",
                        "spec.traffic[0].latestRevision", "spec.traffic[0].latestRevision: Invalid value: true: may "
                                + "not set revisionName \"hello-a\" when latestRevision is true"),
                row("latestRevision false without a revisionName",
                        "spec: {traffic: [{latestRevision: false, percent: 100}]}", "spec.traffic[0].latestRevision",
                        "spec.traffic[0].latestRevision: Invalid value: false: may not set revisionName \"\" when "
                                + "latestRevision is false"),
                row("url is output only", "spec: {traffic: [{percent: 100, tag: a, url: 'http://a-hello.example'}]}",
                        "spec.traffic[0].url", "spec.traffic[0].url: Forbidden: must not set the field(s): url is "
                                + "output only; Kumo sets it in status"),
                row("BYO name needs the Service's prefix", "spec: {template: {metadata: {name: other-v1}}}",
                        "spec.template.metadata.name", "spec.template.metadata.name: Invalid value: \"other-v1\": "
                                + "\"other-v1\" must have prefix \"hello-\""),
                row("BYO name is a DNS label", "spec: {template: {metadata: {name: hello_v1}}}",
                        "spec.template.metadata.name", "spec.template.metadata.name: Invalid value: \"hello_v1\": not "
                                + "a DNS 1035 label: " + DNS1035),
                row("no BYO name with generateName",
                        "{metadata: {name: null, generateName: hello-}, spec: {template: {metadata: {name: hello-v1}}}}",
                        "spec.template.metadata.name", "spec.template.metadata.name: Forbidden: must not set the "
                                + "field(s): a bring-your-own Revision name needs a parent with a fixed name, not "
                                + "generateName"),
                row("Service names are DNS-1035 labels", "metadata: {name: 1hello}", "metadata.name",
                        "metadata.name: Invalid value: \"1hello\": " + DNS1035),
                row("no autoscaling annotations on the Service",
                        "metadata: {annotations: {autoscaling.knative.dev/min-scale: '1'}}", "metadata.annotations",
                        "metadata.annotations: Invalid value: \"autoscaling.knative.dev/min-scale\": autoscaling "
                                + "annotations must be put under \"spec.template.metadata.annotations\" to work"),
                row("visibility is cluster-local or absent",
                        "metadata: {labels: {networking.knative.dev/visibility: public}}",
                        "metadata.labels.networking.knative.dev/visibility",
                        "metadata.labels.networking.knative.dev/visibility: Invalid value: \"public\": the only "
                                + "value is \"cluster-local\" (reachable only from this machine's workloads); remove "
                                + "the label to make it public"),
                row("rollout-duration in whole seconds",
                        "metadata: {annotations: {serving.knative.dev/rollout-duration: 1500ms}}",
                        "metadata.annotations.serving.knative.dev/rollout-duration",
                        "metadata.annotations.serving.knative.dev/rollout-duration: Invalid value: \"1500ms\": "
                                + "rollout-duration=1500ms is not at second precision"),
                row("template labels are valid labels", "spec: {template: {metadata: {labels: {app: -bad-}}}}",
                        "spec.template.metadata.labels", "spec.template.metadata.labels: Invalid value: \"-bad-\": a "
                                + "valid label value must be 63 characters or less, empty or begin and end with an "
                                + "alphanumeric character with '-', '_' or '.' between"),
                row("a template is required", "spec: {template: null}", "spec.template.spec.containers",
                        "spec.template.spec.containers: Required value: a Revision runs exactly one serving container"));
    }

    /** Each row breaks one rule; a percent out of range also breaks the sum, hence "contains". */
    @ParameterizedTest(name = "{0}")
    @MethodSource({"rows", "dev.kumo.api.serving.RevisionSpecValidationTest#rows"})
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        assertThat(causes(patched(row.base(), row.patch()), Optional.empty()))
                .extracting(FieldError::field, FieldError::message)
                .contains(tuple(row.field(), row.message()));
    }

    private static ValidationRow row(String name, String patch, String field, String message) {
        return new ValidationRow(name, SERVICE, patch, field, message);
    }
}
