package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.UnsupportedWorkloadException;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsupportedWorkloadTest {

    private static final RevisionRef REVISION = RevisionRef.ofService("default", "hello", "hello-00001");

    @TempDir
    Path stateDir;

    @Test
    void imageOnlyContainersNeedAContainerRuntime() {
        WorkloadSpec spec = WorkloadSpec.builder(REVISION).image("ghcr.io/knative/helloworld-go").build();
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            assertThat(runtime.unsupported(spec)).contains("container has image ghcr.io/knative/helloworld-go and"
                    + " no command: the process runtime runs commands; image-only containers need the podman"
                    + " runtime (not available yet)");
            assertThatThrownBy(() -> runtime.start(spec)).isInstanceOf(UnsupportedWorkloadException.class)
                    .hasMessageContaining("podman runtime");
        }
    }

    @Test
    void aCommandIsEnoughEvenWithAnImage() {
        WorkloadSpec spec = WorkloadSpec.builder(REVISION).image("python:3").command("python3").build();
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            assertThat(runtime.unsupported(spec)).isEmpty();
        }
    }

    @Test
    void aSecondRuntimeCannotTakeTheSameStateDirectory() {
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            assertThatThrownBy(() -> ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
            assertThat(runtime.instances()).isEmpty();
        }
    }
}
