package dev.kumo.api.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorSpecTest {

    @Test
    void matchLabelsAndExpressionsMustAllHold() {
        LabelSelector selector = new LabelSelectorSpec(Map.of("app", "web"), List.of(
                new LabelSelectorSpec.Requirement("tier", "In", List.of("a", "b")),
                new LabelSelectorSpec.Requirement("canary", "DoesNotExist", null))).toSelector();

        assertThat(selector.matches(Map.of("app", "web", "tier", "a"))).isTrue();
        assertThat(selector.matches(Map.of("app", "web", "tier", "c"))).isFalse();
        assertThat(selector.matches(Map.of("app", "web", "tier", "b", "canary", "x"))).isFalse();
        assertThat(selector.matches(Map.of("tier", "a"))).isFalse();
    }
}
