package dev.kumo.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WorkloadSpecTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");

    @Test
    void aProcessWorkloadRunsItsCommandLineWithKnativesDefaults() {
        ProcessWorkload spec = WorkloadSpec.process(HELLO).command("python3", "-u").args("app.py")
                .workingDir(Path.of("/srv")).build();

        assertThat(spec.commandLine()).containsExactly("python3", "-u", "app.py");
        assertThat(spec.workingDir()).contains(Path.of("/srv"));
        assertThat(spec.revision()).isEqualTo(HELLO);
        assertThat(spec.readiness()).isEqualTo(ProbeSpec.defaultReadiness());
        assertThat(spec.liveness()).isEmpty();
        assertThat(spec.containerPort()).isZero();
        assertThat(spec.terminationGracePeriod()).isEqualTo(WorkloadSpec.DEFAULT_GRACE_PERIOD);
        assertThat(spec.runAs()).isEqualTo(RunAsSpec.SERVER_USER);
        assertThat(spec.limits()).isEqualTo(WorkloadLimits.NONE);
    }

    @Test
    void anImageWorkloadKeepsTheOverridesKnativeAllows() {
        ImageWorkload spec = WorkloadSpec.image(HELLO, "ghcr.io/knative/helloworld-go").args("--verbose").build();

        assertThat(spec.image()).isEqualTo("ghcr.io/knative/helloworld-go");
        assertThat(spec.command()).as("the image's own entrypoint").isEmpty();
        assertThat(spec.args()).containsExactly("--verbose");
        assertThat(spec.workingDir()).isEmpty();
    }

    @Test
    void bothKindsShareTheCommonPartsBuiltWithTheSameSteps() {
        ProbeSpec liveness = ProbeSpec.of(new Probe.HttpGet("/healthz", 0));
        WorkloadLimits limits = new WorkloadLimits(OptionalLong.of(64L << 20), OptionalLong.of(500));
        WorkloadSpec process = WorkloadSpec.process(HELLO).command("app").env("GREETING", "hi").containerPort(8080)
                .liveness(liveness).terminationGracePeriod(Duration.ofSeconds(5)).limits(limits).build();
        WorkloadSpec image = WorkloadSpec.image(HELLO, "example.com/app").env(Map.of("GREETING", "hi"))
                .containerPort(8080).liveness(liveness).terminationGracePeriod(Duration.ofSeconds(5)).limits(limits)
                .build();

        assertThat(process.common()).isEqualTo(image.common());
        assertThat(image.env()).containsExactly(Map.entry("GREETING", "hi"));
        assertThat(image.liveness()).contains(liveness);
    }

    @Test
    void aRuntimeAnswersEachKindBySwitchingOverTheSealedType() {
        List<WorkloadSpec> specs = List.of(WorkloadSpec.process(HELLO).command("app").build(),
                WorkloadSpec.image(HELLO, "example.com/app").build());

        assertThat(specs).map(WorkloadSpecTest::what).containsExactly("process app", "image example.com/app");
    }

    @Test
    void withCommandChangesOnlyTheCommand() {
        ProcessWorkload spec = WorkloadSpec.process(HELLO).command("/jdk/bin/java").args("Hello.java")
                .env("A", "1").build();

        ProcessWorkload changed = spec.withCommand(List.of("/jdk/bin/java", "-XX:AOTCache=app.aot"));

        assertThat(changed.commandLine()).containsExactly("/jdk/bin/java", "-XX:AOTCache=app.aot", "Hello.java");
        assertThat(changed.common()).isEqualTo(spec.common());
        assertThat(changed.workingDir()).isEqualTo(spec.workingDir());
    }

    @Test
    void theBuiltEnvironmentIsASnapshot() {
        ProcessWorkload.Builder builder = WorkloadSpec.process(HELLO).command("app").env("A", "1");
        ProcessWorkload first = builder.build();
        builder.env("B", "2");

        assertThat(first.env()).containsOnlyKeys("A");
        assertThatThrownBy(() -> first.env().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void badCommonPartsAreRefusedWhicheverKind() {
        assertThatThrownBy(() -> WorkloadSpec.process(HELLO).command("app").containerPort(65536).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("containerPort");
        assertThatThrownBy(() -> WorkloadSpec.image(HELLO, "example.com/app")
                .terminationGracePeriod(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("terminationGracePeriod");
    }

    @Test
    void anImageWorkloadNeedsAnImage() {
        assertThatThrownBy(() -> WorkloadSpec.image(HELLO, " ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an image");
        assertThat(WorkloadSpec.process(HELLO).build().command()).as("nothing to run, for the runtime to refuse")
                .isEmpty();
        assertThat(WorkloadSpec.process(HELLO).build().workingDir()).isEqualTo(Optional.empty());
    }

    private static String what(WorkloadSpec spec) {
        return switch (spec) {
            case ProcessWorkload process -> "process " + String.join(" ", process.commandLine());
            case ImageWorkload image -> "image " + image.image();
        };
    }
}
