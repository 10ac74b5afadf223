package dev.kumo.api.eventing;

import static dev.kumo.api.eventing.EventingFixtures.BROKER;
import static dev.kumo.api.eventing.EventingFixtures.KINDS;
import static dev.kumo.api.testing.KindFixtures.patched;
import static dev.kumo.api.testing.KindFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.testing.ValidationRow;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A Broker is defaulted and validated as Knative's webhook does; its class and config never change. */
class BrokerAdmissionTest {

    @Test
    void defaultsToKumosClassAndKnativesDelivery() {
        JsonNode broker = KINDS.admit(yaml(BROKER)).object();

        assertThat(broker.at("/metadata/annotations").path("eventing.knative.dev/broker.class").asText())
                .isEqualTo("KumoBroker");
        assertThat(broker.at("/spec/delivery").toString())
                .isEqualTo("{\"retry\":10,\"backoffPolicy\":\"exponential\",\"backoffDelay\":\"PT0.2S\"}");
        assertThat(broker.has("status")).isFalse();
    }

    @Test
    void keepsAnotherClassAndItsOwnDeliveryAndPutsReferencesInItsNamespace() {
        JsonNode broker = KINDS.admit(patched(BROKER, """
                metadata: {annotations: {eventing.knative.dev/broker.class: MTChannelBasedBroker}}
                spec:
                  config: {apiVersion: v1, kind: ConfigMap, name: br-config}
                  delivery:
                    retry: 2
                    deadLetterSink: {ref: {apiVersion: serving.knative.dev/v1, kind: Service, name: dls}}
                """)).object();

        assertThat(broker.at("/metadata/annotations").path("eventing.knative.dev/broker.class").asText())
                .isEqualTo("MTChannelBasedBroker");
        assertThat(broker.at("/spec/config/namespace").asText()).isEqualTo("default");
        assertThat(broker.at("/spec/delivery/retry").asInt()).isEqualTo(2);
        assertThat(broker.at("/spec/delivery/backoffPolicy").isMissingNode()).isTrue();
        assertThat(broker.at("/spec/delivery/deadLetterSink/ref/namespace").asText()).isEqualTo("default");
    }

    static Stream<ValidationRow> rows() {
        return Stream.of(
                new ValidationRow("config names a kind", BROKER, "spec: {config: {apiVersion: v1, name: cfg}}",
                        "spec.config.kind", "spec.config.kind: Required value: the kind of the referenced object, "
                                + "e.g. Service"),
                new ValidationRow("config names an object", BROKER, "spec: {config: {apiVersion: v1, kind: "
                        + "ConfigMap}}", "spec.config.name", "spec.config.name: Required value: the name of the "
                                + "referenced object"),
                new ValidationRow("retry is not negative", BROKER, "spec: {delivery: {retry: -1}}",
                        "spec.delivery.retry", "spec.delivery.retry: Invalid value: -1: must be 0 or more: the "
                                + "number of attempts after the first"),
                new ValidationRow("backoff policies are linear or exponential", BROKER,
                        "spec: {delivery: {backoffPolicy: quadratic}}", "spec.delivery.backoffPolicy",
                        "spec.delivery.backoffPolicy: Unsupported value: \"quadratic\": supported values: "
                                + "\"exponential\", \"linear\""),
                new ValidationRow("backoff delays are ISO-8601", BROKER, "spec: {delivery: {backoffDelay: 200ms}}",
                        "spec.delivery.backoffDelay", "spec.delivery.backoffDelay: Invalid value: \"200ms\": must "
                                + "be an ISO-8601 duration, e.g. PT0.2S"),
                new ValidationRow("timeouts are non-zero", BROKER, "spec: {delivery: {timeout: PT0S}}",
                        "spec.delivery.timeout", "spec.delivery.timeout: Invalid value: \"PT0S\": must be a "
                                + "non-zero ISO-8601 duration, e.g. PT30S"),
                new ValidationRow("retryAfterMax is feature-gated off", BROKER,
                        "spec: {delivery: {retryAfterMax: PT1M}}", "spec.delivery.retryAfterMax",
                        "spec.delivery.retryAfterMax: Forbidden: the delivery-retryafter feature is not enabled; "
                                + "remove the field"),
                new ValidationRow("formats are json or binary", BROKER, "spec: {delivery: {format: xml}}",
                        "spec.delivery.format", "spec.delivery.format: Unsupported value: \"xml\": supported "
                                + "values: \"binary\", \"json\""),
                new ValidationRow("a dead-letter sink is somewhere", BROKER,
                        "spec: {delivery: {deadLetterSink: {}}}", "spec.delivery.deadLetterSink",
                        "spec.delivery.deadLetterSink: Required value: expected at least one, got none: ref, uri"),
                new ValidationRow("a dead-letter URI is absolute", BROKER,
                        "spec: {delivery: {deadLetterSink: {uri: /dead}}}", "spec.delivery.deadLetterSink.uri",
                        "spec.delivery.deadLetterSink.uri: Invalid value: \"/dead\": a relative URI needs a ref to "
                                + "resolve against; give an absolute URI such as http://host/path"),
                new ValidationRow("Broker names are DNS subdomains", BROKER, "metadata: {name: Default}",
                        "metadata.name", "metadata.name: Invalid value: \"Default\": a lowercase RFC 1123 "
                                + "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
                                + "start and end with an alphanumeric character (e.g. 'example.com')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        KINDS.assertRefuses(row);
    }

    @Test
    void theClassCannotChange() {
        ObjectNode stored = KINDS.admit(yaml(BROKER)).object();

        assertThat(KINDS.causes(patched(BROKER, "metadata: {annotations: {eventing.knative.dev/broker.class: "
                + "MTChannelBasedBroker}}"), Optional.of(stored)))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("metadata.annotations.eventing.knative.dev/broker.class",
                        "metadata.annotations.eventing.knative.dev/broker.class: Forbidden: field is immutable: the "
                                + "Broker's class is \"KumoBroker\"; delete and re-create the Broker to change it"));
    }

    @Test
    void theConfigCannotChangeButTheDeliveryMay() {
        String withConfig = BROKER + "spec: {config: {apiVersion: v1, kind: ConfigMap, name: one}}\n";
        ObjectNode stored = KINDS.admit(yaml(withConfig)).object();

        assertThat(KINDS.causes(patched(withConfig, "spec: {config: {name: two}}"), Optional.of(stored)))
                .extracting(FieldError::field).containsExactly("spec.config");
        JsonNode updated = KINDS.admit(patched(withConfig, "spec: {delivery: {retry: 1}}"), Optional.of(stored),
                FieldValidation.Strict).object();
        assertThat(updated.at("/spec/delivery/retry").asInt()).isEqualTo(1);
    }

    @Test
    void reportsUnknownFieldsWithTheirPath() {
        KINDS.assertUnknownField(patched(BROKER, "spec: {delivery: {retries: 3}}"), "spec.delivery.retries");
    }
}
