package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadEnvironmentTest {

    private static final Path TMP = Path.of("/state/tmp/hello-00001-abcde");
    private static final Map<String, String> HOST = Map.of("PATH", "/usr/bin", "HOME", "/home/kumo",
            "KUMO_TOKEN", "secret");

    @Test
    void passesOnlyInheritedHostVariables() {
        Map<String, String> env = build(spec().build());

        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/kumo")
                .doesNotContainKey("KUMO_TOKEN");
    }

    @Test
    void setsPortTmpdirAndKnativeVariables() {
        Map<String, String> env = build(spec().env("GREETING", "hi").build());

        assertThat(env).containsEntry("PORT", "40123").containsEntry("TMPDIR", TMP.toString())
                .containsEntry("K_SERVICE", "hello").containsEntry("K_CONFIGURATION", "hello")
                .containsEntry("K_REVISION", "hello-00001").containsEntry("GREETING", "hi");
    }

    @Test
    void specOverridesHostAndTmpdirButNotThePlatformVariables() {
        Map<String, String> env = build(spec().env("PATH", "/opt/bin").env("TMPDIR", "/scratch")
                .env("PORT", "1").env("K_REVISION", "other").build());

        assertThat(env).containsEntry("PATH", "/opt/bin").containsEntry("TMPDIR", "/scratch")
                .containsEntry("PORT", "40123").containsEntry("K_REVISION", "hello-00001");
    }

    @Test
    void leavesOutKServiceWithoutAService() {
        RevisionRef alone = new RevisionRef("default", Optional.empty(), "cfg", "cfg-00001");

        Map<String, String> env = build(WorkloadSpec.process(alone).command("true").build());

        assertThat(env).doesNotContainKey("K_SERVICE").containsEntry("K_CONFIGURATION", "cfg");
    }

    private static ProcessWorkload.Builder spec() {
        return WorkloadSpec.process(RevisionRef.ofService("default", "hello", "hello-00001")).command("true");
    }

    private static Map<String, String> build(WorkloadSpec spec) {
        return WorkloadEnvironment.build(HOST, Set.of("PATH", "HOME"), spec, 40123, TMP);
    }
}
