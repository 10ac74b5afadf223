package dev.kumo.api.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.api.errors.ApiException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

    private static final Map<String, String> LABELS = Map.of("app", "hello", "tier", "web");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                       | true",
        "app=hello                | true",
        "app==hello               | true",
        "app=other                | false",
        "app!=other               | true",
        "app in (hello, world)    | true",
        "app notin (hello)        | false",
        "tier                     | true",
        "!tier                    | false",
        "!missing                 | true",
        "app=hello,tier=web       | true",
        "app=hello,tier=db        | false",
        "missing!=x               | true",
    })
    void matches(String selector, boolean expected) {
        assertThat(LabelSelector.parse(selector).matches(LABELS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"app in hello", "=x", "a b c d"})
    void malformedSelectorsAreBadRequests(String selector) {
        assertThatThrownBy(() -> LabelSelector.parse(selector)).isInstanceOf(ApiException.class)
                .hasMessageContaining("labelSelector");
    }
}
