package dev.kumo.api.eventing.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.duck.DeliveryValidation;
import dev.kumo.api.duck.DestinationValidation;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.eventing.DeliveryOrder;
import dev.kumo.api.eventing.Trigger;
import dev.kumo.api.eventing.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Trigger: its broker (required, immutable), filters, subscriber, delivery, Knative's two annotations and the
 * delivery order annotation.
 */
public final class TriggerValidation {

    private static final String ANNOTATIONS = "metadata.annotations.";

    private TriggerValidation() {
    }

    public static List<FieldError> validate(Trigger value, Optional<Trigger> existing) {
        TriggerSpec spec = value.spec() == null ? TriggerSpec.EMPTY : value.spec();
        List<FieldError> errors = new ArrayList<>();
        if (spec.broker() == null || spec.broker().isEmpty()) {
            errors.add(FieldError.required("spec.broker", "the name of the Broker whose events the Trigger "
                    + "receives"));
        }
        if (spec.brokerRef() != null) {
            errors.add(FieldError.forbidden("spec.brokerRef", "cross-namespace broker references are not "
                    + "supported; name a Broker of the Trigger's namespace in spec.broker"));
        }
        errors.addAll(FilterValidation.validate(spec.filter(), "spec.filter"));
        errors.addAll(FilterValidation.validate(spec.filters(), "spec.filters"));
        errors.addAll(DestinationValidation.validateRequired(spec.subscriber(), "spec.subscriber"));
        errors.addAll(DeliveryValidation.validate(spec.delivery(), "spec.delivery"));
        Map<String, String> annotations = value.metadata() == null ? Map.of()
                : value.metadata().annotationsOrEmpty();
        Optional.ofNullable(annotations.get(Trigger.DEPENDENCY_ANNOTATION))
                .ifPresent(dependency -> errors.addAll(dependency(dependency, value)));
        Optional.ofNullable(annotations.get(Trigger.INJECTION_ANNOTATION))
                .ifPresent(injection -> errors.addAll(injection(injection, spec.broker())));
        errors.addAll(DeliveryOrder.validate(value.metadata()));
        existing.map(Trigger::spec).map(TriggerSpec::broker).filter(old -> !old.equals(spec.broker()))
                .ifPresent(old -> errors.add(FieldError.forbidden("spec.broker", "field is immutable: the "
                        + "Trigger belongs to Broker \"" + old + "\"; create a new Trigger for another Broker")));
        return errors;
    }

    /** The dependency annotation is a JSON ObjectReference with kind, name and apiVersion, in this namespace. */
    private static List<FieldError> dependency(String text, Trigger trigger) {
        String field = ANNOTATIONS + Trigger.DEPENDENCY_ANNOTATION;
        JsonNode reference;
        try {
            reference = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            reference = null;
        }
        if (reference == null || !reference.isObject()) {
            return List.of(FieldError.invalid(field, text, "must be a JSON object reference, e.g. "
                    + "{\"kind\":\"PingSource\",\"name\":\"ping\",\"apiVersion\":\"sources.knative.dev/v1\"}"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String key : List.of("kind", "name", "apiVersion")) {
            if (reference.path(key).asText("").isEmpty()) {
                errors.add(FieldError.required(field + "." + key, "the dependency's " + key));
            }
        }
        String namespace = reference.path("namespace").asText("");
        String own = trigger.metadata().namespace();
        if (!namespace.isEmpty() && !namespace.equals(own)) {
            errors.add(FieldError.invalid(field + ".namespace", namespace,
                    "must be empty or equal to the Trigger's namespace \"" + own + "\""));
        }
        return errors;
    }

    private static List<FieldError> injection(String value, String broker) {
        String field = ANNOTATIONS + Trigger.INJECTION_ANNOTATION;
        if (!value.equals("enabled") && !value.equals("disabled")) {
            return List.of(FieldError.notSupported(field, value, List.of("enabled", "disabled")));
        }
        if (!"default".equals(broker)) {
            return List.of(FieldError.invalid(field, value, "the injection annotation is only used with the "
                    + "\"default\" Broker, but the Trigger names \"" + broker + "\""));
        }
        return List.of();
    }
}
