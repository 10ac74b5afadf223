package dev.kumo.serving;

import static dev.kumo.api.serving.RuntimeName.CONTAINER;
import static dev.kumo.api.serving.RuntimeName.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
