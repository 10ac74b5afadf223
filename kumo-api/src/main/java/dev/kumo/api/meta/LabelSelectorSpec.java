package dev.kumo.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A label selector in its object form ({@code metav1.LabelSelector}): {@code matchLabels} and
 * {@code matchExpressions}, all of which must hold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelSelectorSpec(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    /** One expression: {@code key} {@code In|NotIn|Exists|DoesNotExist} {@code values}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requirement(String key, String operator, List<String> values) {
    }

    /** The selector these fields denote (validated: operators are In, NotIn, Exists or DoesNotExist). */
    public LabelSelector toSelector() {
        List<LabelSelector.Requirement> requirements = new ArrayList<>();
        if (matchLabels != null) {
            new TreeMap<>(matchLabels).forEach((key, value) -> requirements.add(
                    new LabelSelector.Requirement(key, LabelSelector.Operator.IN, Set.of(value))));
        }
        for (Requirement expression : matchExpressions == null ? List.<Requirement>of() : matchExpressions) {
            LabelSelector.Operator operator = switch (expression.operator()) {
                case "In" -> LabelSelector.Operator.IN;
                case "NotIn" -> LabelSelector.Operator.NOT_IN;
                case "Exists" -> LabelSelector.Operator.EXISTS;
                case "DoesNotExist" -> LabelSelector.Operator.NOT_EXISTS;
                default -> throw new IllegalArgumentException("label selector operator \"" + expression.operator()
                        + "\" is not In, NotIn, Exists or DoesNotExist");
            };
            requirements.add(new LabelSelector.Requirement(expression.key(), operator,
                    Set.copyOf(expression.values() == null ? List.of() : expression.values())));
        }
        return new LabelSelector(requirements);
    }
}
