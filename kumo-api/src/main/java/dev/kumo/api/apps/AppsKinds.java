package dev.kumo.api.apps;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.api.serving.defaults.ServingDefaults;
import dev.kumo.api.serving.pod.IntOrString;
import dev.kumo.api.serving.validation.RevisionSpecValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code apps/v1} kinds Kumo runs: Deployment, with Kubernetes' defaults (1 replica, RollingUpdate 25%/25%,
 * revisionHistoryLimit 10, progressDeadlineSeconds 600), validation naming the field, and kubectl's columns.
 */
public final class AppsKinds {

    private static final List<String> STRATEGIES = List.of(DeploymentStrategy.ROLLING_UPDATE,
            DeploymentStrategy.RECREATE);

    private AppsKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(new KindDefinition(ResourceTypes.DEPLOYMENT, new TypedAdmission<>(ResourceTypes.DEPLOYMENT,
                Deployment.class, NameRule.DNS1123_SUBDOMAIN, new TypedAdmission.Rules<>() {
                    public Deployment withDefaults(Deployment value) {
                        return value.spec() == null ? value : value.withSpec(defaults(value.spec()));
                    }

                    public List<FieldError> validate(Deployment value, Optional<Deployment> existing) {
                        return AppsKinds.validate(value, existing);
                    }
                })).withPrinting(new Printing(List.of(PrinterColumn.name("Name"),
                        PrinterColumn.rendered("Ready", "['spec','status']", Cell.REPLICAS_READY),
                        PrinterColumn.value("Up-to-date", ".status.updatedReplicas"),
                        PrinterColumn.value("Available", ".status.availableReplicas"),
                        PrinterColumn.age("Age")), Printing.NAME_AND_AGE.kn()))
                .withSubresources("scale"), ReplicaSetKind.definition());
    }

    static DeploymentSpec defaults(DeploymentSpec spec) {
        DeploymentStrategy strategy = spec.strategy() == null || spec.strategy().type() == null
                ? new DeploymentStrategy(DeploymentStrategy.ROLLING_UPDATE,
                        spec.strategy() == null ? null : spec.strategy().rollingUpdate())
                : spec.strategy();
        if (DeploymentStrategy.ROLLING_UPDATE.equals(strategy.type())) {
            DeploymentStrategy.RollingUpdate rolling = strategy.rollingUpdate();
            strategy = new DeploymentStrategy(strategy.type(), new DeploymentStrategy.RollingUpdate(
                    rolling == null || rolling.maxSurge() == null ? RolloutBounds.DEFAULT : rolling.maxSurge(),
                    rolling == null || rolling.maxUnavailable() == null ? RolloutBounds.DEFAULT
                            : rolling.maxUnavailable()));
        }
        return new DeploymentSpec(spec.replicasOrDefault(), spec.selector(), spec.template(), strategy,
                spec.minReadySeconds() == null ? 0 : spec.minReadySeconds(),
                spec.revisionHistoryLimit() == null ? 10 : spec.revisionHistoryLimit(),
                spec.paused(), spec.progressDeadlineSeconds() == null ? 600 : spec.progressDeadlineSeconds());
    }

    static List<FieldError> validate(Deployment value, Optional<Deployment> existing) {
        List<FieldError> errors = new ArrayList<>();
        DeploymentSpec spec = value.spec();
        if (spec == null) {
            errors.add(FieldError.required("spec", "a Deployment needs a spec with selector and template"));
            return errors;
        }
        if (spec.replicas() != null && spec.replicas() < 0) {
            errors.add(FieldError.invalid("spec.replicas", spec.replicas(), "must be greater than or equal to 0"));
        }
        selector(spec, errors);
        RevisionTemplateSpec template = spec.template();
        if (template == null || template.spec() == null) {
            errors.add(FieldError.required("spec.template.spec", "the pod template to run: containers with an "
                    + "image or a command"));
        } else {
            errors.addAll(RevisionSpecValidation.validate(template.spec(), "spec.template.spec",
                    ServingDefaults.KNATIVE));
        }
        strategy(spec, errors);
        existing.map(Deployment::spec).map(DeploymentSpec::selector)
                .filter(was -> !was.equals(spec.selector()))
                .ifPresent(was -> errors.add(FieldError.invalid("spec.selector", spec.selector(),
                        "field is immutable; delete the Deployment and create it again to change its selector")));
        return errors;
    }

    private static void selector(DeploymentSpec spec, List<FieldError> errors) {
        LabelSelectorSpec selector = spec.selector();
        boolean empty = selector == null || ((selector.matchLabels() == null || selector.matchLabels().isEmpty())
                && (selector.matchExpressions() == null || selector.matchExpressions().isEmpty()));
        if (empty) {
            errors.add(FieldError.required("spec.selector", "give matchLabels that the template's labels carry, "
                    + "such as {matchLabels: {app: NAME}}"));
            return;
        }
        Map<String, String> labels = spec.template() == null || spec.template().metadata() == null
                ? Map.of() : spec.template().metadata().labelsOrEmpty();
        try {
            if (!selector.toSelector().matches(labels)) {
                errors.add(FieldError.invalid("spec.template.metadata.labels", labels,
                        "`selector` does not match template `labels`; give the template the labels of "
                                + "spec.selector"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.invalid("spec.selector.matchExpressions", selector.matchExpressions(),
                    e.getMessage()));
        }
    }

    private static void strategy(DeploymentSpec spec, List<FieldError> errors) {
        DeploymentStrategy strategy = spec.strategy();
        if (strategy == null) {
            return;
        }
        if (!STRATEGIES.contains(strategy.type())) {
            errors.add(FieldError.notSupported("spec.strategy.type", strategy.type(), STRATEGIES));
            return;
        }
        DeploymentStrategy.RollingUpdate rolling = strategy.rollingUpdate();
        if (DeploymentStrategy.RECREATE.equals(strategy.type())) {
            if (rolling != null) {
                errors.add(FieldError.forbidden("spec.strategy.rollingUpdate",
                        "may not be specified when strategy `type` is 'Recreate'"));
            }
            return;
        }
        if (rolling == null) {
            return;
        }
        bound(rolling.maxSurge(), "spec.strategy.rollingUpdate.maxSurge", errors);
        bound(rolling.maxUnavailable(), "spec.strategy.rollingUpdate.maxUnavailable", errors);
        if (isZero(rolling.maxSurge()) && isZero(rolling.maxUnavailable())) {
            errors.add(FieldError.invalid("spec.strategy.rollingUpdate.maxUnavailable", rolling.maxUnavailable(),
                    "may not be 0 when `maxSurge` is 0"));
        }
        RolloutBounds.percent(rolling.maxUnavailable() == null ? RolloutBounds.DEFAULT : rolling.maxUnavailable())
                .filter(p -> p > 100).ifPresent(p -> errors.add(FieldError.invalid(
                        "spec.strategy.rollingUpdate.maxUnavailable", rolling.maxUnavailable(),
                        "must not be greater than 100%")));
    }

    private static void bound(IntOrString value, String field, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.asInt().map(i -> i < 0).orElse(false)) {
            errors.add(FieldError.invalid(field, value, "must be greater than or equal to 0"));
        } else if (value.asString().isPresent() && RolloutBounds.percent(value).isEmpty()) {
            errors.add(FieldError.invalid(field, value, "must be an integer or a percentage, such as 1 or \"25%\""));
        }
    }

    private static boolean isZero(IntOrString value) {
        return value != null && (value.asInt().map(i -> i == 0).orElse(false)
                || RolloutBounds.percent(value).map(p -> p == 0).orElse(false));
    }
}
