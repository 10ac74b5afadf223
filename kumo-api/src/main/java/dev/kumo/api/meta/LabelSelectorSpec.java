package dev.kumo.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

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
}
