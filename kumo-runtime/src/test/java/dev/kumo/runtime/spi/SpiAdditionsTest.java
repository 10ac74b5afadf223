package dev.kumo.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The smaller additions: exec and grpc probes, pull policy, per-container health, the runtime's new defaults. */
class SpiAdditionsTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");

    @Test
    void execAndGrpcProbes() {
        assertThat(new Probe.Exec(List.of("cat", "/tmp/healthy")).port()).isZero();
        assertThatThrownBy(() -> new Probe.Exec(List.of())).hasMessageContaining("needs a command");
        assertThat(new Probe.Grpc(9000, Optional.of("greeter")).service()).contains("greeter");
        assertThatThrownBy(() -> new Probe.Grpc(70000, Optional.empty())).hasMessageContaining("got 70000");
    }

    @Test
    void pullPoliciesAreSpelledAsKubernetesSpellsThem() {
        assertThat(PullSpec.Policy.parse("IfNotPresent")).isEqualTo(PullSpec.Policy.IF_NOT_PRESENT);
        assertThat(PullSpec.Policy.parse("Always").value()).isEqualTo("Always");
        assertThatThrownBy(() -> PullSpec.Policy.parse("always"))
                .hasMessageContaining("\"always\"").hasMessageContaining("Always, IfNotPresent or Never");
        assertThat(new PullSpec.RegistryCredential("me", "s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void anInstanceReportsItsContainersHealthOrNoneByDefault() {
        Instance plain = new Instance("i-1", HELLO, new InstanceState.Starting(Instant.EPOCH, Optional.empty()), 0);
        Termination crashed = new Termination("Error", OptionalInt.of(1), List.of("boom"), Instant.EPOCH);
        ContainerHealth sidecar = new ContainerHealth("proxy", false, 3, Optional.of(crashed));
        Instance multi = new Instance("i-2", HELLO, plain.state(), 0, Optional.empty(),
                List.of(new ContainerHealth("user-container", true, 0, Optional.empty()), sidecar));

        assertThat(plain.containers()).isEmpty();
        assertThat(multi.containers()).extracting(ContainerHealth::name).containsExactly("user-container", "proxy");
        assertThat(multi.withId("container/i-2").containers()).isEqualTo(multi.containers());
        assertThatThrownBy(() -> new ContainerHealth("proxy", true, -1, Optional.empty()))
                .hasMessageContaining("restarts must not be negative");
    }

    @Test
    void prepareAndRefreshFilesAreHintsARuntimeMayIgnore() {
        AtomicInteger started = new AtomicInteger();
        WorkloadRuntime runtime = new WorkloadRuntime() {
            @Override
            public Optional<String> unsupported(WorkloadSpec spec) {
                return Optional.empty();
            }

            @Override
            public Instance start(WorkloadSpec spec) {
                started.incrementAndGet();
                return new Instance("i", spec.revision(), new InstanceState.Ready(InstanceAddress.loopback(1),
                        Instant.EPOCH, Instant.EPOCH), 0);
            }

            @Override
            public CompletableFuture<Instance> stop(String instanceId) {
                return CompletableFuture.failedFuture(new IllegalStateException());
            }

            @Override
            public Optional<Instance> instance(String instanceId) {
                return Optional.empty();
            }

            @Override
            public List<Instance> instances() {
                return List.of();
            }

            @Override
            public Subscription watch(InstanceListener listener) {
                return () -> { };
            }

            @Override
            public Optional<InstanceLogs> logs(String instanceId) {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };

        runtime.prepare(WorkloadSpec.image(HELLO, "dev.local/hello:1").build(), 2);
        runtime.refreshFiles(HELLO, "config", new VolumeSpec.Files("config", Map.of()));

        assertThat(started).as("a hint starts nothing").hasValue(0);
        assertThat(runtime.instances()).isEmpty();
    }
}
