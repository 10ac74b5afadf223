package dev.kumo.api.eventing;

import static dev.kumo.api.eventing.EventingFixtures.KINDS;
import static dev.kumo.api.eventing.EventingFixtures.TRIGGER;
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

/** A Trigger is defaulted and validated as Knative's webhook does; its broker never changes. */
class TriggerAdmissionTest {

    @Test
    void defaultsTheFilterTheBrokerLabelAndTheSubscribersNamespace() {
        JsonNode trigger = KINDS.admit(yaml(TRIGGER)).object();

        assertThat(trigger.at("/spec/filter").toString()).isEqualTo("{}");
        assertThat(trigger.at("/metadata/labels").path("eventing.knative.dev/broker").asText()).isEqualTo("default");
        assertThat(trigger.at("/spec/subscriber/ref/namespace").asText()).isEqualTo("default");
    }

    static Stream<ValidationRow> rows() {
        return Stream.of(
                new ValidationRow("a Trigger names its broker", TRIGGER, "spec: {broker: null}", "spec.broker",
                        "spec.broker: Required value: the name of the Broker whose events the Trigger receives"),
                new ValidationRow("cross-namespace broker references are not served", TRIGGER,
                        "spec: {brokerRef: {apiVersion: eventing.knative.dev/v1, kind: Broker, name: b, "
                                + "namespace: other}}", "spec.brokerRef", "spec.brokerRef: Forbidden: "
                                + "cross-namespace broker references are not supported; name a Broker of the "
                                + "Trigger's namespace in spec.broker"),
                new ValidationRow("a Trigger has a subscriber", TRIGGER, "spec: {subscriber: null}",
                        "spec.subscriber", "spec.subscriber: Required value: expected at least one, got none: ref, "
                                + "uri"),
                new ValidationRow("a subscriber ref names its kind", TRIGGER,
                        "spec: {subscriber: {ref: {kind: null}}}", "spec.subscriber.ref.kind",
                        "spec.subscriber.ref.kind: Required value: the kind of the referenced object, e.g. Service"),
                new ValidationRow("a subscriber ref has an apiVersion", TRIGGER,
                        "spec: {subscriber: {ref: {apiVersion: null}}}", "spec.subscriber.ref.apiVersion",
                        "spec.subscriber.ref.apiVersion: Required value: the apiVersion of the referenced object, "
                                + "e.g. serving.knative.dev/v1"),
                new ValidationRow("a subscriber URI beside a ref is relative", TRIGGER,
                        "spec: {subscriber: {uri: 'http://elsewhere/'}}", "spec.subscriber.uri",
                        "spec.subscriber.uri: Invalid value: \"http://elsewhere/\": an absolute URI is not allowed "
                                + "with a ref; give a path relative to the ref's address, or remove the ref"),
                new ValidationRow("legacy attribute names are CloudEvents names", TRIGGER,
                        "spec: {filter: {attributes: {Type: x}}}", "spec.filter.attributes[Type]",
                        "spec.filter.attributes[Type]: Invalid value: \"Type\": an attribute name must start with a "
                                + "letter and contain only lowercase letters and digits"),
                new ValidationRow("exact attribute names are CloudEvents names", TRIGGER,
                        "spec: {filters: [{exact: {my-ext: x}}]}", "spec.filters[0].exact[my-ext]",
                        "spec.filters[0].exact[my-ext]: Invalid value: \"my-ext\": an attribute name must start "
                                + "with a letter and contain only lowercase letters and digits"),
                new ValidationRow("a filter has one dialect", TRIGGER,
                        "spec: {filters: [{exact: {type: a}, suffix: {type: b}}]}", "spec.filters[0]",
                        "spec.filters[0]: Forbidden: multiple dialects found (exact, suffix): a filter can have "
                                + "only one dialect set; combine filters with all or any"),
                new ValidationRow("nested filters are checked", TRIGGER,
                        "spec: {filters: [{all: [{not: {prefix: {1type: a}}}]}]}",
                        "spec.filters[0].all[0].not.prefix[1type]", "spec.filters[0].all[0].not.prefix[1type]: "
                                + "Invalid value: \"1type\": an attribute name must start with a letter and contain "
                                + "only lowercase letters and digits"),
                new ValidationRow("a nested filter has one dialect", TRIGGER,
                        "spec: {filters: [{any: [{exact: {type: a}}, {cesql: \"true\", not: {exact: {type: "
                                + "b}}}]}]}", "spec.filters[0].any[1]", "spec.filters[0].any[1]: Forbidden: multiple "
                                + "dialects found (not, cesql): a filter can have only one dialect set; combine "
                                + "filters with all or any"),
                new ValidationRow("a Trigger's delivery order is ordered or unordered", TRIGGER,
                        "metadata: {annotations: {kafka.eventing.knative.dev/delivery.order: Ordered}}",
                        "metadata.annotations.kafka.eventing.knative.dev/delivery.order",
                        "metadata.annotations.kafka.eventing.knative.dev/delivery.order: Unsupported value: "
                                + "\"Ordered\": supported values: \"unordered\", \"ordered\""),
                new ValidationRow("a delivery is valid", TRIGGER, "spec: {delivery: {retry: -2}}",
                        "spec.delivery.retry", "spec.delivery.retry: Invalid value: -2: must be 0 or more: the "
                                + "number of attempts after the first"),
                new ValidationRow("the dependency annotation is an object reference", TRIGGER,
                        "metadata: {annotations: {knative.dev/dependency: 'ping'}}",
                        "metadata.annotations.knative.dev/dependency", "metadata.annotations.knative.dev/dependency: "
                                + "Invalid value: \"ping\": must be a JSON object reference, e.g. {\"kind\":"
                                + "\"PingSource\",\"name\":\"ping\",\"apiVersion\":\"sources.knative.dev/v1\"}"),
                new ValidationRow("the dependency names its kind", TRIGGER,
                        "metadata: {annotations: {knative.dev/dependency: '{\"name\":\"p\",\"apiVersion\":"
                                + "\"sources.knative.dev/v1\"}'}}", "metadata.annotations.knative.dev/dependency.kind",
                        "metadata.annotations.knative.dev/dependency.kind: Required value: the dependency's kind"),
                new ValidationRow("injection is for the default broker", TRIGGER,
                        "spec: {broker: other}\nmetadata: {annotations: {eventing.knative.dev/injection: enabled}}",
                        "metadata.annotations.eventing.knative.dev/injection",
                        "metadata.annotations.eventing.knative.dev/injection: Invalid value: \"enabled\": the "
                                + "injection annotation is only used with the \"default\" Broker, but the Trigger "
                                + "names \"other\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        KINDS.assertRefuses(row);
    }

    @Test
    void refusesCesqlThatDoesNotParseNamingTheExpression() {
        assertThat(KINDS.causes(patched(TRIGGER, "spec: {filters: [{cesql: \"type = \"}]}"), Optional.empty()))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("spec.filters[0].cesql");
                    assertThat(error.message()).startsWith("spec.filters[0].cesql: Invalid value: \"type = \": "
                            + "not a valid CESQL expression: ");
                });
    }

    @Test
    void acceptsCesqlThatParses() {
        JsonNode trigger = KINDS.admit(patched(TRIGGER, "spec: {filters: [{cesql: \"EXISTS myext AND "
                + "(type LIKE 'dev.%' OR INT(sequence) > 10)\"}]}")).object();

        assertThat(trigger.at("/spec/filters/0/cesql").asText()).startsWith("EXISTS myext");
    }

    @Test
    void theBrokerCannotChange() {
        ObjectNode stored = KINDS.admit(yaml(TRIGGER)).object();

        assertThat(KINDS.causes(patched(TRIGGER, "spec: {broker: other}"), Optional.of(stored)))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("spec.broker", "spec.broker: Forbidden: field is immutable: the Trigger "
                        + "belongs to Broker \"default\"; create a new Trigger for another Broker"));
    }

    @Test
    void theSubscriberAndFiltersMayChange() {
        ObjectNode stored = KINDS.admit(yaml(TRIGGER)).object();

        JsonNode updated = KINDS.admit(patched(TRIGGER, "spec: {subscriber: {ref: null, uri: 'http://x/'}, "
                + "filters: [{exact: {type: t}}]}"), Optional.of(stored), FieldValidation.Strict).object();

        assertThat(updated.at("/spec/subscriber/uri").asText()).isEqualTo("http://x/");
    }

    @Test
    void reportsUnknownFieldsInsideFiltersWithTheirPath() {
        KINDS.assertUnknownField(patched(TRIGGER, "spec: {filters: [{all: [{exactly: {type: t}}]}]}"),
                "spec.filters[0].all[0].exactly");
    }
}
