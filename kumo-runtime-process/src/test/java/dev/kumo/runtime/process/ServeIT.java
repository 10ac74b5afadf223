package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.address;
import static dev.kumo.runtime.process.Workloads.get;
import static dev.kumo.runtime.process.Workloads.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real workloads become ready on the port the runtime picked and see the runtime contract's environment. */
class ServeIT extends WatchedRuntimeCase {

    @TempDir
    Path workDir;

    @Test
    void pythonWorkloadBecomesReadyAndAnswers() {
        Instance started = runtime.start(Workloads.python("serve").build());
        assertThat(started.id()).startsWith("hello-00001-");
        assertThat(started.state()).isInstanceOf(InstanceState.Starting.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, started.id()));

        assertThat(get(address(runtime, started.id()), "/")).isEqualTo("hello from hello-00001");
        assertThat(listener.kinds(started.id())).startsWith(InstanceState.Starting.class)
                .endsWith(InstanceState.Ready.class);
        InstanceState.Ready ready = (InstanceState.Ready) runtime.instance(started.id()).orElseThrow().state();
        assertThat(ready.startedAt()).as("exec of the run").isEqualTo(listener.first(started.id()).since());
        assertThat(ready.startup()).isPositive().isLessThan(Duration.ofSeconds(20));
        assertThat(runtime.instances()).extracting(Instance::id).containsExactly(started.id());
    }

    @Test
    void workloadSeesPortAndKnativeVariablesButNotTheServersSecrets() {
        String id = runtime.start(Workloads.python("serve").env("GREETING", "hi").build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));

        String env = get(address(runtime, id), "/env");

        int port = address(runtime, id).port();
        assertThat(env).contains("\"PORT\": \"" + port + "\"", "\"K_SERVICE\": \"hello\"",
                "\"K_CONFIGURATION\": \"hello\"", "\"K_REVISION\": \"hello-00001\"", "\"GREETING\": \"hi\"",
                "\"TMPDIR\": \"" + stateDir.resolve("tmp").resolve(id) + "\"");
        assertThat(env).doesNotContain("\"JAVA_HOME\":");
    }

    @Test
    void referencesToThePortInArgsAreExpandedAsOnKubernetes() {
        // As Knative's docs write it: `args: ["-m", "http.server", "$(PORT)"]`, no shell in between.
        String id = runtime.start(WorkloadSpec.process(RevisionRef.ofService("default", "hello", "hello-00001"))
                .command("python3", "-m", "http.server").args("$(PORT)", "--bind", "127.0.0.1")
                .workingDir(workDir).build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));

        assertThat(get(address(runtime, id), "/")).contains("Directory listing");
    }

    @Test
    void workingDirIsHonoured() throws Exception {
        String id = runtime.start(Workloads.python("serve").workingDir(workDir).build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));

        assertThat(Path.of(get(address(runtime, id), "/cwd")).toRealPath()).isEqualTo(workDir.toRealPath());
    }

    @Test
    void stdinIsAtEof() {
        String id = runtime.start(Workloads.python("serve").build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));

        assertThat(get(address(runtime, id), "/stdin")).isEqualTo("\"\"");
    }

    @Test
    void privateTmpdirIsWritableAndRemovedAtStop() throws Exception {
        String id = runtime.start(Workloads.python("serve").build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));

        Path scratch = Path.of(get(address(runtime, id), "/tmp"));
        assertThat(scratch).hasContent("ok").startsWith(stateDir.resolve("tmp").resolve(id));
        runtime.stop(id).get();

        assertThat(stateDir.resolve("tmp").resolve(id)).doesNotExist();
    }

    @Test
    void singleFileJavaWorkloadServesFromItsWorkingDir() {
        String id = runtime.start(Workloads.java().build()).id();

        await().atMost(Duration.ofSeconds(60)).until(() -> isReady(runtime, id));

        assertThat(get(address(runtime, id), "/")).isEqualTo("hello from hello-00001 in " + Workloads.dir());
        assertThat(get(address(runtime, id), "/env")).contains("K_SERVICE=hello", "PORT="
                + address(runtime, id).port());
    }
}
