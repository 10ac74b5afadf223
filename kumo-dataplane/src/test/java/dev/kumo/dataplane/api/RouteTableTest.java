package dev.kumo.dataplane.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.autoscaler.metrics.RevisionId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final RevisionId V1 = new RevisionId("default", "hello-00001");
    private static final RevisionId V2 = new RevisionId("default", "hello-00002");

    @Test
    void hostsAreMatchedCaseInsensitively() {
        RouteTable table = RouteTable.builder().host("Hello.Default.localhost", V1).build();

        assertThat(table.hosts()).containsExactly("hello.default.localhost");
        assertThat(table.targets("HELLO.default.LOCALHOST")).contains(List.of(new WeightedTarget(V1, 100)));
        assertThat(table.targets("other")).isEmpty();
    }

    @Test
    void settingsDefaultToKnativeDefaults() {
        RouteTable table = RouteTable.builder().host("a", V1).revision(V2, new RevisionSettings(10, 1)).build();

        assertThat(table.settings(V1)).isEqualTo(new RevisionSettings(300, 0));
        assertThat(table.settings(V2).maxQueuedPerInstance()).isEqualTo(10);
    }

    @Test
    void percentsMustSumToAHundred() {
        assertThatThrownBy(() -> RouteTable.builder().host("a",
                List.of(new WeightedTarget(V1, 50), new WeightedTarget(V2, 40))))
                .hasMessage("traffic targets of host \"a\" sum to 90, want 100");
    }

    @Test
    void aHostWithPortOrTwiceIsRejected() {
        assertThatThrownBy(() -> RouteTable.builder().host("a:80", V1)).hasMessageContaining("without port");
        assertThatThrownBy(() -> RouteTable.builder().host("a", V1).host("A", V2)).hasMessageContaining("twice");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new RevisionSettings(0, 0)).hasMessageContaining("timeoutSeconds is 0");
        assertThatThrownBy(() -> new RevisionSettings(1, -1)).hasMessageContaining("containerConcurrency is -1");
    }
}
