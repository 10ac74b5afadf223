package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.SERVICE;
import static dev.kumo.api.serving.ServingFixtures.admit;
import static dev.kumo.api.serving.ServingFixtures.patched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.FieldValidation;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fields outside Knative's schema are refused in Strict mode, warned about in Warn and dropped in Ignore. */
class FieldValidationTest {

    private static final String IMAGE = "image: ghcr.io/knative/helloworld-go:latest";

    record Row(String name, String patch, String path) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a misspelt container field", container("bogus: 1"), "spec.template.spec.containers[0].bogus"),
                new Row("lifecycle hooks", container("lifecycle: {preStop: {exec: {command: [sleep]}}}"),
                        "spec.template.spec.containers[0].lifecycle"),
                new Row("stdin", container("stdin: true"), "spec.template.spec.containers[0].stdin"),
                new Row("a host port", "spec: {template: {spec: {containers: [{" + IMAGE + ", ports: [{containerPort: "
                        + "8080, hostPort: 80}]}]}}}", "spec.template.spec.containers[0].ports[0].hostPort"),
                new Row("a probe grace period", container("readinessProbe: {tcpSocket: {}, "
                        + "terminationGracePeriodSeconds: 5}"),
                        "spec.template.spec.containers[0].readinessProbe.terminationGracePeriodSeconds"),
                new Row("a pod restart policy", "spec: {template: {spec: {restartPolicy: Always}}}",
                        "spec.template.spec.restartPolicy"),
                new Row("a traffic weight", "spec: {traffic: [{latestRevision: true, percent: 100, weight: 1}]}",
                        "spec.traffic[0].weight"),
                new Row("a misplaced spec field", "spec: {replicas: 3}", "spec.replicas"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void strictRefusesWithTheFullPath(Row row) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> admit(patched(SERVICE, row.patch()), Optional.empty(), FieldValidation.Strict));

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Service in version \"v1\" cannot be handled as a Service: strict "
                + "decoding error: unknown field \"" + row.path() + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void warnKeepsGoingAndDropsTheField(Row row) {
        Admitted admitted = admit(patched(SERVICE, row.patch()), Optional.empty(), FieldValidation.Warn);

        assertThat(admitted.warnings()).containsExactly("unknown field \"" + row.path() + "\"");
        assertThat(has(admitted.object(), row.path())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void ignoreDropsTheFieldSilently(Row row) {
        Admitted admitted = admit(patched(SERVICE, row.patch()), Optional.empty(), FieldValidation.Ignore);

        assertThat(admitted.warnings()).isEmpty();
        assertThat(has(admitted.object(), row.path())).isFalse();
    }

    private static String container(String fields) {
        return "spec: {template: {spec: {containers: [{" + IMAGE + ", " + fields + "}]}}}";
    }

    private static boolean has(ObjectNode object, String path) {
        String pointer = "/" + path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        return !object.at(pointer).isMissingNode();
    }
}
