package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.CONFIGURATION;
import static dev.kumo.api.serving.ServingFixtures.REVISION;
import static dev.kumo.api.serving.ServingFixtures.ROUTE;
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

/** The Route, Configuration and Revision rules refuse broken manifests with their field path and message. */
class OtherKindsValidationTest {

    static Stream<ValidationRow> rows() {
        return Stream.of(
                new ValidationRow("a Route needs traffic", ROUTE, "spec: {traffic: []}", "spec.traffic",
                        "spec.traffic: Invalid value: 0: Traffic targets sum to 0, want 100"),
                new ValidationRow("a Route target names something", ROUTE, "spec: {traffic: [{percent: 100}]}",
                        "spec.traffic[0]", "spec.traffic[0]: Required value: expected exactly one, got neither: "
                                + "revisionName, configurationName"),
                new ValidationRow("a Route target names one thing", ROUTE,
                        "spec: {traffic: [{revisionName: a-1, configurationName: a, percent: 100}]}",
                        "spec.traffic[0]", "spec.traffic[0]: Forbidden: expected exactly one, got both: "
                                + "revisionName, configurationName"),
                new ValidationRow("Route target names are qualified names", ROUTE,
                        "spec: {traffic: [{configurationName: 'not a name', percent: 100}]}",
                        "spec.traffic[0].configurationName", "spec.traffic[0].configurationName: Invalid value: "
                                + "\"not a name\": name part must consist of alphanumeric characters, '-', '_' or "
                                + "'.', and must start and end with an alphanumeric character (e.g. 'MyName', or "
                                + "'my.name', or '123-abc')"),
                new ValidationRow("a Route's service label needs its owner", ROUTE,
                        "metadata: {labels: {serving.knative.dev/service: hello}}",
                        "metadata.labels.serving.knative.dev/service", "metadata.labels.serving.knative.dev/service: "
                                + "Required value: the label names Service \"hello\" but no ownerReference points to "
                                + "it; it is set by Kumo, remove it"),
                new ValidationRow("no autoscaling annotations on a Route", ROUTE,
                        "metadata: {annotations: {autoscaling.knative.dev/window: 60s}}", "metadata.annotations",
                        "metadata.annotations: Invalid value: \"autoscaling.knative.dev/window\": autoscaling "
                                + "annotations must be put under \"spec.template.metadata.annotations\" to work"),
                new ValidationRow("a Route's visibility is cluster-local or absent", ROUTE,
                        "metadata: {labels: {networking.knative.dev/visibility: Cluster-Local}}",
                        "metadata.labels.networking.knative.dev/visibility", "metadata.labels.networking.knative.dev/"
                                + "visibility: Invalid value: \"Cluster-Local\": the only value is \"cluster-local\" "
                                + "(reachable only from this machine's workloads); remove the label to make it public"),
                new ValidationRow("a Configuration's BYO name has its prefix", CONFIGURATION,
                        "spec: {template: {metadata: {name: other-1}}}", "spec.template.metadata.name",
                        "spec.template.metadata.name: Invalid value: \"other-1\": \"other-1\" must have prefix "
                                + "\"hello-\""),
                new ValidationRow("no autoscaling annotations on a Configuration", CONFIGURATION,
                        "metadata: {annotations: {autoscaling.knative.dev/max-scale: '3'}}", "metadata.annotations",
                        "metadata.annotations: Invalid value: \"autoscaling.knative.dev/max-scale\": autoscaling "
                                + "annotations must be put under \"spec.template.metadata.annotations\" to work"),
                new ValidationRow("a Revision's spec is validated on create", REVISION,
                        "spec: {containerConcurrency: 1001}", "spec.containerConcurrency",
                        "spec.containerConcurrency: Invalid value: 1001: expected 0 <= 1001 <= 1000"),
                new ValidationRow("a Revision's autoscaling annotations are validated", REVISION,
                        "metadata: {annotations: {autoscaling.knative.dev/min-scale: '-1'}}",
                        "metadata.annotations.autoscaling.knative.dev/min-scale",
                        "metadata.annotations.autoscaling.knative.dev/min-scale: Invalid value: \"-1\": expected 0 <= "
                                + "-1 <= 2147483647"),
                new ValidationRow("a Revision's configuration label needs its owner", REVISION,
                        "metadata: {labels: {serving.knative.dev/configuration: hello}}",
                        "metadata.labels.serving.knative.dev/configuration",
                        "metadata.labels.serving.knative.dev/configuration: Required value: the label names "
                                + "Configuration \"hello\" but no ownerReference points to it; it is set by Kumo, "
                                + "remove it"),
                new ValidationRow("Revision names are at most 63 long", REVISION,
                        "metadata: {name: " + "r".repeat(64) + "}", "metadata.name",
                        "metadata.name: Invalid value: \"" + "r".repeat(64) + "\": must be no more than 63 "
                                + "characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        assertThat(causes(patched(row.base(), row.patch()), Optional.empty()))
                .extracting(FieldError::field, FieldError::message)
                .contains(tuple(row.field(), row.message()));
    }
}
