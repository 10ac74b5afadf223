package dev.kumo.api.eventing.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.eventing.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An EventType names its CloudEvents type; its spec is immutable once created (Knative's validation). */
public final class EventTypeValidation {

    private EventTypeValidation() {
    }

    public static List<FieldError> validate(EventType value, Optional<EventType> existing) {
        List<FieldError> errors = new ArrayList<>();
        if (value.spec() == null || value.spec().type() == null || value.spec().type().isEmpty()) {
            errors.add(FieldError.required("spec.type", "the CloudEvents type of these events, e.g. "
                    + "dev.knative.sources.ping"));
        }
        if (value.spec() != null && value.spec().reference() != null) {
            var reference = value.spec().reference();
            if (reference.name() == null || reference.name().isEmpty()) {
                errors.add(FieldError.required("spec.reference.name", "the name of the Broker or Channel"));
            }
            if (reference.kind() == null || reference.kind().isEmpty()) {
                errors.add(FieldError.required("spec.reference.kind", "e.g. Broker"));
            }
            if (reference.apiVersion() == null || reference.apiVersion().isEmpty()) {
                errors.add(FieldError.required("spec.reference.apiVersion", "e.g. eventing.knative.dev/v1"));
            }
        }
        if (existing.isPresent() && existing.get().spec() != null && !existing.get().spec().equals(value.spec())) {
            errors.add(FieldError.forbidden("spec", "an EventType's fields are immutable: delete it and create it "
                    + "again to change them"));
        }
        return errors;
    }
}
