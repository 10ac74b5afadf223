package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.UnsupportedWorkloadException;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exec probes are the container runtime's: the process runtime refuses them, naming the field; gRPC it runs. */
class ProbeRefusalTest {

    private static final RevisionRef REVISION = RevisionRef.ofService("default", "hello", "hello-00001");

    @TempDir
    Path stateDir;

    @Test
    void execReadinessIsRefusedBeforeAnythingStartsAndGrpcLivenessIsAccepted() {
        WorkloadSpec exec = WorkloadSpec.process(REVISION).command("python3", "app.py")
                .readiness(ProbeSpec.of(new Probe.Exec(List.of("cat", "/tmp/ready")))).build();
        WorkloadSpec grpc = WorkloadSpec.process(REVISION).command("python3", "app.py")
                .liveness(ProbeSpec.of(new Probe.Grpc(0, Optional.empty()))).build();
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            assertThat(runtime.unsupported(exec)).contains("readinessProbe.exec: the process runtime does not run "
                    + "exec probes; use httpGet, tcpSocket or grpc, or run the image in the container runtime");
            // gRPC probes run in both runtimes now (ProbesIT): accepted.
            assertThat(runtime.unsupported(grpc)).isEmpty();
            assertThatThrownBy(() -> runtime.start(exec)).isInstanceOf(UnsupportedWorkloadException.class)
                    .hasMessageContaining("readinessProbe.exec");
            assertThat(runtime.instances()).isEmpty();
        }
    }
}
