package dev.kumo.serving;

import static dev.kumo.api.serving.RuntimeName.CONTAINER;
import static dev.kumo.api.serving.RuntimeName.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.runtime.support.LogRetention;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The config keys runtimes and default-runtime: absent means both runtimes on, the process runtime the default. */
class RuntimeSettingsTest {

    @Test
    void withoutTheKeysBothRuntimesAreOnAndTheProcessRuntimeIsTheDefault() {
        assertThat(RuntimeSettings.parse(Optional.empty(), Optional.empty()))
                .isEqualTo(new RuntimeSettings(Set.of(PROCESS, CONTAINER), PROCESS)).isEqualTo(RuntimeSettings.DEFAULTS);
        assertThat(RuntimeSettings.parse(Optional.of(List.of("process", "container")), Optional.of("process")))
                .isEqualTo(RuntimeSettings.DEFAULTS);
        assertThat(RuntimeSettings.parse(Optional.of(List.of("process")), Optional.empty()))
                .isEqualTo(new RuntimeSettings(Set.of(PROCESS), PROCESS));
        assertThat(RuntimeSettings.parse(Optional.of(List.of("container")), Optional.empty()))
                .isEqualTo(new RuntimeSettings(Set.of(CONTAINER), CONTAINER));
    }

    @Test
    void anUnknownRuntimeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> RuntimeSettings.parse(Optional.of(List.of("process", "podman")), Optional.empty()))
                .hasMessage("runtimes: unknown runtime \"podman\"; want one of process, container");
        assertThatThrownBy(() -> RuntimeSettings.parse(Optional.empty(), Optional.of("kubernetes")))
                .hasMessage("default-runtime: unknown runtime \"kubernetes\"; want one of process, container");
        assertThatThrownBy(() -> RuntimeSettings.parse(Optional.of(List.of()), Optional.empty()))
                .hasMessage("runtimes: name at least one runtime; want process, container");
    }

    @Test
    void theDefaultMustBeOneThatIsOn() {
        assertThatThrownBy(() -> new RuntimeSettings(Set.of(PROCESS), CONTAINER))
                .hasMessage("default-runtime: \"container\" is not on; runtimes on: process");
    }

    @Test
    void theWorkloadLogKeysSetTheSizePerInstanceAndTheRetentionAfterStop() {
        assertThat(RuntimeSettings.parseLogs(Optional.empty(), Optional.empty())).isEqualTo(LogRetention.DEFAULTS);
        assertThat(RuntimeSettings.parseLogs(Optional.of("64Mi"), Optional.of("90m")))
                .isEqualTo(new LogRetention(64L << 20, Duration.ofMinutes(90)));
        assertThatThrownBy(() -> RuntimeSettings.parseLogs(Optional.of("lots"), Optional.empty()))
                .hasMessageStartingWith("workload-log-max-size: \"lots\" is not a quantity");
        assertThatThrownBy(() -> RuntimeSettings.parseLogs(Optional.of("1Ki"), Optional.empty()))
                .hasMessage("workload-log-max-size: \"1Ki\" is too small: want at least 2Ki, such as 10Mi");
        assertThatThrownBy(() -> RuntimeSettings.parseLogs(Optional.empty(), Optional.of("a day")))
                .hasMessage("workload-log-retention: \"a day\" is not a duration: want one such as 24h, 90m or 0s "
                        + "(dropped at stop)");
    }
}
