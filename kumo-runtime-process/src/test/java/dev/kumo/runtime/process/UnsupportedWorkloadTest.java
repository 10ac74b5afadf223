package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.UnsupportedWorkloadException;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UnsupportedWorkloadTest {

    private static final RevisionRef REVISION = RevisionRef.ofService("default", "hello", "hello-00001");

    @TempDir
    Path stateDir;

    @Test
    void imageOnlyContainersNeedAContainerRuntime() {
        WorkloadSpec spec = WorkloadSpec.image(REVISION, "ghcr.io/knative/helloworld-go").build();
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            assertThat(runtime.unsupported(spec)).contains("container has image ghcr.io/knative/helloworld-go and"
                    + " no command: the process runtime runs commands; image-only containers run in the container"
                    + " runtime (podman)");
            assertThatThrownBy(() -> runtime.start(spec)).isInstanceOf(UnsupportedWorkloadException.class)
                    .hasMessageContaining("container runtime (podman)");
        }
    }

    @Test
    void aCommandIsEnoughEvenWithAnImage() {
        // A container with a command and an image is translated to a process workload (see WorkloadSpecsTest).
        WorkloadSpec spec = WorkloadSpec.process(REVISION).command("python3").build();
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            assertThat(runtime.unsupported(spec)).isEmpty();
        }
    }

    record Refused(String name, WorkloadSpec spec, String why) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refused> refused() {
        return Stream.of(
                new Refused("a container with neither command nor image has nothing to run",
                        WorkloadSpec.process(REVISION).build(),
                        "container has neither command nor image: the process runtime needs a command to run"),
                new Refused("an image with a command override still needs a container runtime",
                        WorkloadSpec.image(REVISION, "python:3").command("python3").args("app.py").build(),
                        "container image python:3 is to run as an image: the process runtime runs commands on this"
                                + " host; images run in the container runtime (podman)"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void whatTheProcessRuntimeCannotRunIsRefusedSayingWhy(Refused row) {
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            assertThat(runtime.unsupported(row.spec())).contains(row.why());
            assertThatThrownBy(() -> runtime.start(row.spec())).isInstanceOf(UnsupportedWorkloadException.class)
                    .hasMessage(row.why());
            assertThat(runtime.instances()).isEmpty();
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
