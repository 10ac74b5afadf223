package dev.kumo.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ImageWorkloadTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");

    @Test
    void anImageWorkloadBuiltWithoutTheNewPartsHasKubernetesDefaults() {
        ImageWorkload spec = WorkloadSpec.image(HELLO, "dev.local/hello:1").build();

        assertThat(spec.containerName()).isEqualTo("user-container");
        assertThat(spec.sidecars()).isEmpty();
        assertThat(spec.volumes()).isEmpty();
        assertThat(spec.mounts()).isEmpty();
        assertThat(spec.pull()).isEqualTo(PullSpec.DEFAULT);
        assertThat(spec.hardening()).isEqualTo(Hardening.DEFAULT);
        assertThat(new ImageWorkload(spec.common(), spec.image(), List.of(), List.of(), Optional.empty()))
                .as("the constructor of before keeps working").isEqualTo(spec);
    }

    @Test
    void sidecarsVolumesMountsPullAndHardeningAreCarried() {
        VolumeSpec.Files config = new VolumeSpec.Files("config", Map.of("app.properties",
                new FileEntry("a=1".getBytes(StandardCharsets.UTF_8), FileEntry.CONFIG_MAP_MODE)));
        VolumeSpec.EmptyDir scratch = new VolumeSpec.EmptyDir("scratch", true, OptionalLong.of(1 << 20));
        SidecarSpec proxy = new SidecarSpec("proxy", "dev.local/proxy:1", List.of("/bin/proxy"), List.of(),
                Map.of("UPSTREAM", "127.0.0.1:8080"), List.of(MountSpec.of("scratch", "/tmp", false)),
                Optional.of(ProbeSpec.of(new Probe.Exec(List.of("cat", "/tmp/ready")))), Optional.empty());
        PullSpec pull = new PullSpec(PullSpec.Policy.ALWAYS, Map.of("registry.example.com",
                new PullSpec.RegistryCredential("me", "s3cret")));
        Hardening hardening = new Hardening(true, false, List.of("ALL"), List.of("NET_BIND_SERVICE"));

        ImageWorkload spec = WorkloadSpec.image(HELLO, "dev.local/hello:1").containerName("app").sidecar(proxy)
                .volume(config).volume(scratch).mount(MountSpec.of("config", "/etc/app", true)).pull(pull)
                .hardening(hardening).build();

        assertThat(spec.containerName()).isEqualTo("app");
        assertThat(spec.sidecars()).containsExactly(proxy);
        assertThat(spec.volume("config")).contains(config);
        assertThat(spec.volume("scratch")).contains(scratch);
        assertThat(spec.mounts()).containsExactly(MountSpec.of("config", "/etc/app", true));
        assertThat(spec.pull().credentials().get("registry.example.com").user()).isEqualTo("me");
        assertThat(spec.hardening().capabilitiesDrop()).containsExactly("ALL");
        assertThat(spec.toString()).as("no secret in logs").doesNotContain("s3cret");
    }

    @Test
    void aMountOfAnUndeclaredVolumeIsRefusedNamingIt() {
        assertThatThrownBy(() -> WorkloadSpec.image(HELLO, "dev.local/hello:1")
                .mount(MountSpec.of("config", "/etc/app", true)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/etc/app").hasMessageContaining("volume config");
        assertThatThrownBy(() -> WorkloadSpec.image(HELLO, "dev.local/hello:1").volume(new VolumeSpec.EmptyDir(
                "scratch", false, OptionalLong.empty())).sidecar(new SidecarSpec("side", "dev.local/side:1", List.of(),
                List.of(), Map.of(), List.of(MountSpec.of("data", "/data", false)), Optional.empty(),
                Optional.empty())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("volume data");
    }

    @Test
    void containerAndVolumeNamesAreUnique() {
        assertThatThrownBy(() -> WorkloadSpec.image(HELLO, "dev.local/hello:1")
                .sidecar(SidecarSpec.of("user-container", "dev.local/side:1")).build())
                .hasMessageContaining("user-container is used twice");
        VolumeSpec.EmptyDir scratch = new VolumeSpec.EmptyDir("scratch", false, OptionalLong.empty());
        assertThatThrownBy(() -> WorkloadSpec.image(HELLO, "dev.local/hello:1").volume(scratch).volume(scratch)
                .build()).hasMessageContaining("scratch is declared twice");
    }
}
