package dev.kumo.api.serving.lifecycle;

import dev.kumo.api.meta.Condition;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A kind's conditions: the happy one ({@code Ready}) and the ones it depends on. Ready is False as soon as one of
 * them is False, Unknown while one is Unknown or missing, True when all are True. Conditions outside the set (such
 * as a Revision's {@code Active}) are informational: they never change Ready. Every function returns a new list.
 */
public record ConditionSet(String happy, List<String> dependents) {

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";
    /** Severity of conditions that do not decide Ready. */
    public static final String INFO = "Info";

    public ConditionSet {
        dependents = List.copyOf(dependents);
    }

    static ConditionSet living(String happy, String... dependents) {
        return new ConditionSet(happy, List.of(dependents));
    }

    /** Every condition of the set that is missing, marked Unknown; existing ones are kept. */
    public List<Condition> initialize(List<Condition> conditions, InstantSource clock) {
        List<Condition> result = new ArrayList<>(orEmpty(conditions));
        for (String type : types()) {
            if (find(result, type).isEmpty()) {
                result = set(result, Condition.of(type, UNKNOWN), clock);
            }
        }
        return result;
    }

    public List<Condition> markTrue(List<Condition> conditions, String type, InstantSource clock) {
        return withReady(set(conditions, Condition.of(type, TRUE), clock), clock);
    }

    /** True with a reason that says how (Knative's {@code MarkTrueWithReason}: "DeadLetterSinkNotConfigured"). */
    public List<Condition> markTrueWithReason(List<Condition> conditions, String type, String reason, String message,
            InstantSource clock) {
        return withReady(set(conditions, Condition.of(type, TRUE, reason, message), clock), clock);
    }

    public List<Condition> markFalse(List<Condition> conditions, String type, String reason, String message,
            InstantSource clock) {
        return withReady(set(conditions, Condition.of(type, FALSE, reason, message), clock), clock);
    }

    public List<Condition> markUnknown(List<Condition> conditions, String type, String reason, String message,
            InstantSource clock) {
        return withReady(set(conditions, Condition.of(type, UNKNOWN, reason, message), clock), clock);
    }

    /**
     * Sets one condition, sorted by type; its severity follows the set and its lastTransitionTime changes only
     * when its status does.
     */
    public List<Condition> set(List<Condition> conditions, Condition condition, InstantSource clock) {
        List<Condition> result = new ArrayList<>();
        String time = null;
        for (Condition existing : orEmpty(conditions)) {
            if (!existing.type().equals(condition.type())) {
                result.add(existing);
            } else if (existing.status().equals(condition.status())) {
                time = existing.lastTransitionTime();
            }
        }
        String severity = types().contains(condition.type()) ? null : INFO;
        result.add(new Condition(condition.type(), condition.status(), severity,
                time != null ? time : clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), condition.reason(),
                condition.message()));
        result.sort(Comparator.comparing(Condition::type));
        return result;
    }

    /** The Ready condition the dependents imply: the first False, else the first Unknown or missing, else True. */
    public Condition ready(List<Condition> conditions) {
        List<Condition> present = orEmpty(conditions);
        for (String status : List.of(FALSE, UNKNOWN)) {
            for (String type : dependents) {
                Optional<Condition> c = find(present, type);
                if (c.isPresent() && c.get().status().equals(status)) {
                    return Condition.of(happy, status, c.get().reason(), c.get().message());
                }
            }
        }
        boolean missing = dependents.stream().anyMatch(t -> find(present, t).isEmpty());
        return Condition.of(happy, missing ? UNKNOWN : TRUE);
    }

    /** Whether the happy condition is True. */
    public boolean isReady(List<Condition> conditions) {
        return find(orEmpty(conditions), happy).map(Condition::isTrue).orElse(false);
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return orEmpty(conditions).stream().filter(c -> type.equals(c.type())).findFirst();
    }

    private List<Condition> withReady(List<Condition> conditions, InstantSource clock) {
        return dependents.isEmpty() ? conditions : set(conditions, ready(conditions), clock);
    }

    private List<String> types() {
        List<String> types = new ArrayList<>(dependents);
        types.add(happy);
        return types;
    }

    private static List<Condition> orEmpty(List<Condition> conditions) {
        return conditions == null ? List.of() : conditions;
    }
}
