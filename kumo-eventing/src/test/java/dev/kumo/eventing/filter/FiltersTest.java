package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.TestEvents.FAIL;
import static dev.kumo.eventing.filter.TestEvents.PASS;
import static dev.kumo.eventing.filter.TestEvents.TYPE;
import static dev.kumo.eventing.filter.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compiler's entry points: a Trigger's {@code filters} against its {@code filter}, lists, field paths. */
class FiltersTest {

    @Test
    void filtersWinOverTheAttributesFilter() {
        EventFilter filter = Filters.forTrigger(Map.of("type", "some-other-type"), List.of(PASS));

        assertThat(filter.test(event())).isTrue();
    }

    @Test
    void withoutFiltersTheAttributesFilterApplies() {
        assertThat(Filters.forTrigger(Map.of("type", "some-other-type"), List.of()).test(event())).isFalse();
        assertThat(Filters.forTrigger(Map.of("type", TYPE), List.of()).test(event())).isTrue();
    }

    @Test
    void aTriggerWithNeitherPassesEveryEvent() {
        assertThat(Filters.forTrigger(Map.of(), List.of())).isSameAs(EventFilter.matchAll());
    }

    @Test
    void theFiltersListIsAnded() {
        assertThat(Filters.compile(List.of(PASS, PASS)).test(event())).isTrue();
        assertThat(Filters.compile(List.of(PASS, FAIL)).test(event())).isFalse();
        assertThat(Filters.compile(List.of(FAIL, PASS)).test(event())).isFalse();
    }

    @Test
    void anEmptyListPassesEveryEvent() {
        assertThat(Filters.compile(List.of())).isSameAs(EventFilter.matchAll());
    }

    @Test
    void ignoredFiltersLeaveNothingBehind() {
        EventFilter filter = Filters.compile(List.of(FilterSpec.exact("type", ""), PASS, FilterSpec.not(
                FilterSpec.any())));

        assertThat(filter).isEqualTo(Filters.compile(PASS));
    }

    @Test
    void compiledFiltersPrintTheirStructure() {
        EventFilter filter = Filters.compile(FilterSpec.any(FilterSpec.not(PASS), FilterSpec.cesql("true")));

        assertThat(filter).hasToString("AnyOf[filters=[Negation[filter=AttributeMatch[comparison=EXACT, names=[type],"
                + " values=[dev.knative.example]]], CesqlFilter[true]]]");
    }

    @Test
    void errorsNameThePathInTheTriggerSpec() {
        List<FilterSpec> filters = List.of(PASS, FilterSpec.any(FAIL, FilterSpec.not(FilterSpec.cesql("a ="))));

        assertThatThrownBy(() -> Filters.compile(filters))
                .isInstanceOfSatisfying(InvalidFilterException.class,
                        e -> assertThat(e.field()).isEqualTo("filters[1].any[1].not.cesql"));
    }

    @Test
    void specsRejectMissingPartsByName() {
        assertThatThrownBy(() -> FilterSpec.exact("type", null)).hasMessage("exact: value of type");
        assertThatThrownBy(() -> new FilterSpec.Cesql(null)).hasMessage("cesql: expression");
    }
}
