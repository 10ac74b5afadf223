package dev.kumo.api.flows.validation;

import dev.kumo.api.duck.DeliveryValidation;
import dev.kumo.api.duck.DestinationValidation;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.flows.Parallel;
import dev.kumo.api.flows.ParallelBranch;
import dev.kumo.api.flows.ParallelSpec;
import dev.kumo.api.flows.Sequence;
import dev.kumo.api.flows.SequenceSpec;
import dev.kumo.api.flows.SequenceStep;
import dev.kumo.api.messaging.validation.MessagingValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The flows kinds' rules: at least one step or branch, valid destinations, a channel template. */
public final class FlowValidation {

    private FlowValidation() {
    }

    public static List<FieldError> sequence(Sequence value, Optional<Sequence> existing) {
        SequenceSpec spec = value.spec() == null ? new SequenceSpec(null, null, null) : value.spec();
        List<FieldError> errors = new ArrayList<>();
        if (spec.stepsOrEmpty().isEmpty()) {
            errors.add(FieldError.required("spec.steps", "expected at least one step"));
        }
        for (int i = 0; i < spec.stepsOrEmpty().size(); i++) {
            SequenceStep step = spec.steps().get(i);
            errors.addAll(DestinationValidation.validate(step.destination(), "spec.steps[" + i + "]"));
            errors.addAll(DeliveryValidation.validate(step.delivery(), "spec.steps[" + i + "].delivery"));
        }
        errors.addAll(MessagingValidation.template(spec.channelTemplate(), "spec.channelTemplate"));
        if (spec.reply() != null) {
            errors.addAll(DestinationValidation.validate(spec.reply(), "spec.reply"));
        }
        return errors;
    }

    public static List<FieldError> parallel(Parallel value, Optional<Parallel> existing) {
        ParallelSpec spec = value.spec() == null ? new ParallelSpec(null, null, null) : value.spec();
        List<FieldError> errors = new ArrayList<>();
        if (spec.branchesOrEmpty().isEmpty()) {
            errors.add(FieldError.required("spec.branches", "expected at least one branch"));
        }
        for (int i = 0; i < spec.branchesOrEmpty().size(); i++) {
            ParallelBranch branch = spec.branches().get(i);
            String path = "spec.branches[" + i + "]";
            errors.addAll(DestinationValidation.validateRequired(branch.subscriber(), path + ".subscriber"));
            if (branch.filter() != null) {
                errors.addAll(DestinationValidation.validate(branch.filter(), path + ".filter"));
            }
            if (branch.reply() != null) {
                errors.addAll(DestinationValidation.validate(branch.reply(), path + ".reply"));
            }
            errors.addAll(DeliveryValidation.validate(branch.delivery(), path + ".delivery"));
        }
        errors.addAll(MessagingValidation.template(spec.channelTemplate(), "spec.channelTemplate"));
        if (spec.reply() != null) {
            errors.addAll(DestinationValidation.validate(spec.reply(), "spec.reply"));
        }
        return errors;
    }
}
