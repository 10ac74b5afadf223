package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.TrafficTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A traffic split: each target names a Revision or (outside a Service) a Configuration, percents 0–100 summing to
 * 100, tags unique DNS-1035 labels, {@code latestRevision} consistent with the pinned name, {@code url} unset.
 */
public final class TrafficValidation {

    static final long TOTAL_PERCENT = 100;

    private TrafficValidation() {
    }

    /** Validates {@code traffic} at {@code path}; inside a Service the target's Configuration is implied. */
    public static List<FieldError> validate(List<TrafficTarget> traffic, String path, boolean inService) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> tags = new HashMap<>();
        long sum = 0;
        List<TrafficTarget> targets = traffic == null ? List.of() : traffic;
        for (int i = 0; i < targets.size(); i++) {
            TrafficTarget target = targets.get(i);
            String at = path + "[" + i + "]";
            errors.addAll(target(target, at, inService));
            sum += target.percent() == null ? 0 : target.percent();
            if (target.tagName().isPresent()) {
                String tag = target.tag();
                Names.dns1035LabelError(tag).ifPresent(e ->
                        errors.add(FieldError.invalid(at(at, "tag"), tag, "not a DNS 1035 label: " + e)));
                Integer first = tags.putIfAbsent(tag, i);
                if (first != null) {
                    errors.add(FieldError.duplicate(at(at, "tag"), tag, "Multiple definitions for \"" + tag
                            + "\", also at " + path + "[" + first + "].tag"));
                }
            }
        }
        if (sum != TOTAL_PERCENT) {
            errors.add(FieldError.invalid(path, sum, "Traffic targets sum to " + sum + ", want 100"));
        }
        return errors;
    }

    private static List<FieldError> target(TrafficTarget target, String path, boolean inService) {
        List<FieldError> errors = new ArrayList<>();
        boolean pinned = target.pinnedRevision().isPresent();
        boolean configured = target.configurationName() != null && !target.configurationName().isEmpty();
        if (target.latestRevision() != null && target.latestRevision() == pinned) {
            errors.add(FieldError.invalid(at(path, "latestRevision"), target.latestRevision(),
                    "may not set revisionName \"" + (pinned ? target.revisionName() : "")
                            + "\" when latestRevision is " + target.latestRevision()));
        }
        if (inService && configured) {
            errors.add(KnativeErrors.disallowed(at(path, "configurationName"),
                    "a Service's traffic goes to its own Configuration; name a revisionName or set latestRevision"));
        } else if (pinned && configured) {
            errors.add(KnativeErrors.multipleOneOf(path, List.of("revisionName", "configurationName")));
        } else if (pinned) {
            Names.qualifiedNameError(target.revisionName()).ifPresent(e ->
                    errors.add(FieldError.invalid(at(path, "revisionName"), target.revisionName(), e)));
        } else if (configured) {
            Names.qualifiedNameError(target.configurationName()).ifPresent(e ->
                    errors.add(FieldError.invalid(at(path, "configurationName"), target.configurationName(), e)));
        } else if (!inService) {
            errors.add(KnativeErrors.missingOneOf(path, List.of("revisionName", "configurationName")));
        }
        if (target.percent() != null && (target.percent() < 0 || target.percent() > TOTAL_PERCENT)) {
            errors.add(KnativeErrors.outOfBounds(at(path, "percent"), target.percent(), 0, TOTAL_PERCENT));
        }
        if (target.url() != null && !target.url().isEmpty()) {
            errors.add(KnativeErrors.disallowed(at(path, "url"), "url is output only; Kumo sets it in status"));
        }
        return errors;
    }
}
