package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.CONFIGURATION;
import static dev.kumo.api.serving.ServingFixtures.REVISION;
import static dev.kumo.api.serving.ServingFixtures.SERVICE;
import static dev.kumo.api.serving.ServingFixtures.admit;
import static dev.kumo.api.serving.ServingFixtures.causes;
import static dev.kumo.api.serving.ServingFixtures.patched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.testing.ValidationRow;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code kumo.dev/runtime} names a runtime Kumo knows, on a Revision and on a Service's or Configuration's template. */
class RuntimeAnnotationTest {

    private static final String TEMPLATE = "spec.template.metadata.annotations.kumo.dev/runtime";
    private static final String ALLOWED = "supported values: \"process\", \"container\"";

    static Stream<ValidationRow> rows() {
        return Stream.of(
                new ValidationRow("a Service's template", SERVICE,
                        "spec: {template: {metadata: {annotations: {kumo.dev/runtime: podman}}}}", TEMPLATE,
                        TEMPLATE + ": Unsupported value: \"podman\": " + ALLOWED),
                new ValidationRow("a Configuration's template", CONFIGURATION,
                        "spec: {template: {metadata: {annotations: {kumo.dev/runtime: Process}}}}", TEMPLATE,
                        TEMPLATE + ": Unsupported value: \"Process\": " + ALLOWED),
                new ValidationRow("a Revision", REVISION, "metadata: {annotations: {kumo.dev/runtime: ''}}",
                        "metadata.annotations.kumo.dev/runtime",
                        "metadata.annotations.kumo.dev/runtime: Unsupported value: \"\": " + ALLOWED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void anUnknownRuntimeIsRefusedNamingTheAnnotationTheValueAndTheAllowedOnes(ValidationRow row) {
        assertThat(causes(patched(row.base(), row.patch()), Optional.empty()))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(Tuple.tuple(row.field(), row.message()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"process", "container"})
    void aKnownRuntimeIsAdmitted(String runtime) {
        assertThat(admit(patched(SERVICE, "spec: {template: {metadata: {annotations: {kumo.dev/runtime: " + runtime
                + "}}}}")).warnings()).isEmpty();
        assertThat(admit(patched(REVISION, "metadata: {annotations: {kumo.dev/runtime: " + runtime + "}}"))
                .warnings()).isEmpty();
    }
}
