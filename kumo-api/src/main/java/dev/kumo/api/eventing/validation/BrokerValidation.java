package dev.kumo.api.eventing.validation;

import dev.kumo.api.duck.DeliveryValidation;
import dev.kumo.api.duck.DestinationValidation;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.eventing.Broker;
import dev.kumo.api.eventing.BrokerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Broker: a class, a valid config reference and delivery; class and config never change. */
public final class BrokerValidation {

    private static final String CLASS_FIELD = "metadata.annotations." + Broker.CLASS_ANNOTATION;

    private BrokerValidation() {
    }

    public static List<FieldError> validate(Broker value, Optional<Broker> existing) {
        List<FieldError> errors = new ArrayList<>();
        if (value.brokerClass().isBlank()) {
            errors.add(FieldError.required(CLASS_FIELD, "the Broker's class, e.g. " + Broker.KUMO_CLASS));
        }
        BrokerSpec spec = value.spec() == null ? new BrokerSpec(null, null) : value.spec();
        if (spec.config() != null) {
            errors.addAll(DestinationValidation.validate(spec.config(), "spec.config"));
        }
        errors.addAll(DeliveryValidation.validate(spec.delivery(), "spec.delivery"));
        existing.ifPresent(old -> errors.addAll(immutable(old, value, spec)));
        return errors;
    }

    private static List<FieldError> immutable(Broker old, Broker value, BrokerSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (!old.brokerClass().equals(value.brokerClass())) {
            errors.add(FieldError.forbidden(CLASS_FIELD, "field is immutable: the Broker's class is \""
                    + old.brokerClass() + "\"; delete and re-create the Broker to change it"));
        }
        if (!Objects.equals(old.spec() == null ? null : old.spec().config(), spec.config())) {
            errors.add(FieldError.forbidden("spec.config", "field is immutable; only spec.delivery may change "
                    + "(delete and re-create the Broker to change its config)"));
        }
        return errors;
    }
}
