package dev.kumo.api.serving.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.meta.Condition;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ready follows the dependent conditions, and transition times move only when a status does. */
class ConditionSetTest {

    private static final InstantSource T1 = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private static final InstantSource T2 = InstantSource.fixed(Instant.parse("2026-01-01T00:05:00.123Z"));
    private static final ConditionSet REVISION = RevisionConditions.SET;

    record Row(String name, UnaryOperator<List<Condition>> marks, String readyStatus, String readyReason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("nothing known yet", c -> REVISION.initialize(c, T1), "Unknown", null),
                new Row("one dependent true", c -> REVISION.markTrue(c, "ResourcesAvailable", T1), "Unknown", null),
                new Row("all dependents true", c -> REVISION.markTrue(REVISION.markTrue(c, "ResourcesAvailable", T1),
                        "ContainerHealthy", T1), "True", null),
                new Row("true with a reason counts as true, and Ready keeps no reason",
                        c -> REVISION.markTrueWithReason(REVISION.markTrue(c, "ResourcesAvailable", T1),
                                "ContainerHealthy", "NotConfigured", "none", T1), "True", null),
                new Row("a dependent false", c -> REVISION.markFalse(REVISION.markTrue(c, "ResourcesAvailable", T1),
                        "ContainerHealthy", "ExitCode1", "exited", T1), "False", "ExitCode1"),
                new Row("false wins over unknown", c -> REVISION.markUnknown(REVISION.markFalse(c,
                        "ContainerHealthy", "ExitCode1", "exited", T1), "ResourcesAvailable", "Deploying", "", T1),
                        "False", "ExitCode1"),
                new Row("a dependent unknown", c -> REVISION.markUnknown(REVISION.markTrue(c, "ContainerHealthy", T1),
                        "ResourcesAvailable", "Deploying", "starting", T1), "Unknown", "Deploying"),
                new Row("Active does not decide Ready", c -> REVISION.markFalse(REVISION.markTrue(REVISION.markTrue(c,
                        "ResourcesAvailable", T1), "ContainerHealthy", T1), "Active", "NoTraffic", "idle", T1),
                        "True", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readyFollowsTheDependents(Row row) {
        Condition ready = ConditionSet.find(row.marks().apply(List.of()), "Ready").orElseThrow();

        assertThat(ready.status()).isEqualTo(row.readyStatus());
        assertThat(ready.reason()).isEqualTo(row.readyReason());
    }

    @Test
    void transitionTimeMovesOnlyWithTheStatus() {
        List<Condition> first = ServiceConditions.SET.markUnknown(List.of(), "RoutesReady", "A", "a", T1);
        List<Condition> sameStatus = ServiceConditions.SET.markUnknown(first, "RoutesReady", "B", "b", T2);
        List<Condition> newStatus = ServiceConditions.SET.markTrue(sameStatus, "RoutesReady", T2);

        assertThat(time(sameStatus, "RoutesReady")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(ConditionSet.find(sameStatus, "RoutesReady").orElseThrow().reason()).isEqualTo("B");
        assertThat(time(newStatus, "RoutesReady")).isEqualTo("2026-01-01T00:05:00Z");
    }

    @Test
    void informationalConditionsHaveSeverityInfoAndConditionsStaySorted() {
        List<Condition> conditions = REVISION.markTrue(REVISION.initialize(List.of(), T1), "Active", T1);

        assertThat(conditions).extracting(Condition::type)
                .containsExactly("Active", "ContainerHealthy", "Ready", "ResourcesAvailable");
        assertThat(ConditionSet.find(conditions, "Active").orElseThrow().severity()).isEqualTo("Info");
        assertThat(ConditionSet.find(conditions, "Ready").orElseThrow().severity()).isNull();
    }

    @Test
    void aSetWithoutDependentsIsMarkedDirectly() {
        List<Condition> conditions = ConfigurationConditions.SET.markFalse(List.of(), "Ready", "RevisionFailed",
                "Revision \"hello-00001\" failed", T1);

        assertThat(ConfigurationConditions.SET.isReady(conditions)).isFalse();
        assertThat(conditions).singleElement().extracting(Condition::reason).isEqualTo("RevisionFailed");
        assertThat(RouteConditions.SET.dependents()).containsExactly("AllTrafficAssigned", "IngressReady");
    }

    private static String time(List<Condition> conditions, String type) {
        return ConditionSet.find(conditions, type).orElseThrow().lastTransitionTime();
    }
}
