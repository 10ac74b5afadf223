package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.admit;
import static dev.kumo.api.serving.ServingFixtures.causes;
import static dev.kumo.api.serving.ServingFixtures.patched;
import static dev.kumo.api.serving.ServingFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.testing.ValidationRow;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A DomainMapping is admitted as Knative's docs write it and refused, naming the field, when it is broken. */
class DomainMappingAdmissionTest {

    /** Knative's docs example (serving/services/custom-domains), with its placeholders filled in. */
    static final String MAPPING = """
            apiVersion: serving.knative.dev/v1beta1
            kind: DomainMapping
            metadata:
              name: hello.example.com
              namespace: default
            spec:
              ref:
                name: hello
                kind: Service
                apiVersion: serving.knative.dev/v1
            """;

    static Stream<ValidationRow> rows() {
        return Stream.of(
                new ValidationRow("the name is a domain with two labels at least", MAPPING,
                        "metadata: {name: hello}", "metadata.name", "metadata.name: Invalid value: \"hello\": a "
                                + "DomainMapping's name is the domain it maps and must be a fully qualified domain "
                                + "name with at least two labels, e.g. hello.example.com"),
                new ValidationRow("the name is a DNS name", MAPPING, "metadata: {name: Hello_World.com}",
                        "metadata.name", null),
                new ValidationRow("the cluster's own domain is not mapped", MAPPING,
                        "metadata: {name: hello.default.svc.cluster.local}", "metadata.name",
                        "metadata.name: Invalid value: \"hello.default.svc.cluster.local\": must not be a subdomain "
                                + "of the cluster domain \"svc.cluster.local\": map a domain of your own"),
                new ValidationRow("a ref is required", MAPPING, "spec: {ref: null}", "spec.ref",
                        "spec.ref: Required value: set spec.ref to the Service the domain maps to (kind: Service, "
                                + "apiVersion: serving.knative.dev/v1, name: SERVICE)"),
                new ValidationRow("the ref names its Service", MAPPING, "spec: {ref: {name: null}}",
                        "spec.ref.name", "spec.ref.name: Required value: the name of the Service the domain maps to"),
                new ValidationRow("the ref is a Service or Route", MAPPING,
                        "spec: {ref: {kind: Broker, apiVersion: eventing.knative.dev/v1}}", "spec.ref",
                        "spec.ref: Unsupported value: \"eventing.knative.dev/v1 Broker\": supported values: "
                                + "\"serving.knative.dev/v1 Service\", \"serving.knative.dev/v1 Route\", "
                                + "\"v1 Service\""),
                new ValidationRow("the ref is in the mapping's namespace", MAPPING,
                        "spec: {ref: {namespace: other}}", "spec.ref.namespace",
                        "spec.ref.namespace: Invalid value: \"other\": must be the DomainMapping's namespace "
                                + "\"default\": create the mapping in the Service's namespace"),
                new ValidationRow("tls names its Secret", MAPPING, "spec: {tls: {}}", "spec.tls.secretName",
                        "spec.tls.secretName: Required value: name the Secret holding the domain's certificate, or "
                                + "leave spec.tls out"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        var causes = causes(patched(row.base(), row.patch()), Optional.empty());
        if (row.message() == null) {
            assertThat(causes).extracting(FieldError::field).contains(row.field());
        } else {
            assertThat(causes).extracting(FieldError::field, FieldError::message)
                    .contains(tuple(row.field(), row.message()));
        }
    }

    @Test
    void knativesExampleIsAdmittedWithItsRefInItsNamespace() {
        assertThat(admit(yaml(MAPPING)).object().at("/spec/ref/namespace").asText()).isEqualTo("default");
    }

    @Test
    void aV1ServiceAndTlsAreAccepted() {
        assertThat(admit(patched(MAPPING, "spec: {ref: {apiVersion: v1}, tls: {secretName: my-cert}}")).object()
                .at("/spec/tls/secretName").asText()).isEqualTo("my-cert");
    }
}
