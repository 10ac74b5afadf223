package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.FileEntry;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.MountSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.runtime.spi.VolumeSpec;
import dev.kumo.runtime.spi.WorkloadSpec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The volume directories on the host, laid out as the kubelet does, and the mounts that bind them. */
class VolumeDirsTest {

    private static final RevisionRef REVISION = RevisionRef.ofService("default", "app", "app-00001");

    @TempDir
    Path state;
    private Instant now = Instant.parse("2026-12-06T05:30:00.123456789Z");
    private final InstantSource clock = () -> now;

    private static FileEntry file(String content, int mode) {
        return new FileEntry(content.getBytes(StandardCharsets.UTF_8), mode);
    }

    private static ImageWorkload spec(VolumeSpec.Files files) {
        return WorkloadSpec.image(REVISION, "dev.local/app:1").volume(files)
                .mount(MountSpec.of(files.name(), "/etc/config", true))
                .mount(new MountSpec(files.name(), "/etc/one", true, Optional.of("greeting")))
                .volume(new VolumeSpec.EmptyDir("scratch", false, OptionalLong.empty()))
                .mount(MountSpec.of("scratch", "/data", false))
                .volume(new VolumeSpec.EmptyDir("cache", true, OptionalLong.of(1 << 20)))
                .mount(MountSpec.of("cache", "/cache", false)).build();
    }

    private static VolumeSpec.Files config(String greeting) {
        return new VolumeSpec.Files("config", Map.of("greeting", file(greeting, 0640),
                "conf/app.properties", file("a=b", FileEntry.SECRET_MODE)));
    }

    @Test
    void filesAreWrittenTheKubeletsWayWithTheirModesInPrivateParents() throws Exception {
        VolumeDirs dirs = new VolumeDirs(state, clock);
        InstanceVolumes volumes = dirs.acquire("app-00001-bcdfg", spec(config("v1")));
        Path dir = volumes.paths().get("config");

        assertThat(dir).isEqualTo(state.resolve("volumes/files/default/app-00001/config"));
        assertThat(Files.readSymbolicLink(dir.resolve("..data"))).hasToString("..2026_12_06_05_30_00.123456789");
        assertThat(Files.readSymbolicLink(dir.resolve("greeting"))).hasToString("..data/greeting");
        assertThat(Files.readSymbolicLink(dir.resolve("conf"))).hasToString("..data/conf");
        assertThat(dir.resolve("greeting")).hasContent("v1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("greeting"))))
                .isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("conf/app.properties"))))
                .isEqualTo("r--------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("volumes"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(volumes.paths().get("scratch"))))
                .isEqualTo("rwxrwxrwx");
    }

    @Test
    void aRefreshSwapsDataAndRemovesThePreviousGenerationAndLinksOfKeysGone() throws Exception {
        VolumeDirs dirs = new VolumeDirs(state, clock);
        Path dir = dirs.acquire("app-00001-bcdfg", spec(config("v1"))).paths().get("config");
        now = now.plusSeconds(1);

        dirs.refresh(REVISION, "config", new VolumeSpec.Files("config", Map.of("greeting", file("v2", 0644))));

        assertThat(dir.resolve("greeting")).hasContent("v2");
        assertThat(dir.resolve("conf")).doesNotExist();
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("..data", "..2026_12_06_05_30_01.123456789", "greeting");
        }
    }

    @Test
    void aLaterInstanceSharesTheFilesAndTheLastInstanceRemovesThem() {
        VolumeDirs dirs = new VolumeDirs(state, clock);
        InstanceVolumes first = dirs.acquire("app-00001-bcdfg", spec(config("v1")));
        dirs.refresh(REVISION, "config", config("v2"));
        InstanceVolumes second = dirs.acquire("app-00001-hjklm", spec(config("v1")));

        assertThat(second.paths().get("config")).isEqualTo(first.paths().get("config"));
        assertThat(second.paths().get("config").resolve("greeting")).as("the refreshed content, not the spec's")
                .hasContent("v2");
        assertThat(second.paths().get("scratch")).isNotEqualTo(first.paths().get("scratch"));

        dirs.release("app-00001-bcdfg");
        assertThat(first.paths().get("scratch")).doesNotExist();
        assertThat(first.paths().get("config")).exists();
        dirs.release("app-00001-hjklm");
        dirs.release("app-00001-hjklm");
        assertThat(state.resolve("volumes/files/default/app-00001")).doesNotExist();
        assertThat(second.paths().get("scratch")).doesNotExist();
    }

    @Test
    void aRefreshWithoutARunningInstanceWritesNothingAndReachesTheNextInstance() {
        VolumeDirs dirs = new VolumeDirs(state, clock);
        dirs.refresh(REVISION, "config", config("v2"));
        assertThat(state.resolve("volumes/files/default/app-00001")).doesNotExist();

        Path dir = dirs.acquire("app-00001-bcdfg", spec(config("v1"))).paths().get("config");
        assertThat(dir.resolve("greeting")).hasContent("v2");
    }

    @Test
    void theNextRuntimeOnTheStateDirectoryRemovesWhatTheLastOneLeft() {
        new VolumeDirs(state, clock).acquire("app-00001-bcdfg", spec(config("v1")));
        new VolumeDirs(state, clock);
        assertThat(state.resolve("volumes")).doesNotExist();
    }

    @Test
    void mountsBindDirectoriesAndMakeAMemoryEmptyDirATmpfs() {
        VolumeDirs dirs = new VolumeDirs(state, clock);
        ImageWorkload spec = spec(config("v1"));
        InstanceVolumes volumes = dirs.acquire("app-00001-bcdfg", spec);
        JsonObject container = MountSpecs.into(new JsonObject(), spec.mounts(), volumes);

        assertThat(container.getJsonArray("mounts").stream().map(Object::toString).toList()).containsExactly(
                bind("/etc/config", volumes.paths().get("config"), "ro"),
                bind("/etc/one", volumes.paths().get("config").resolve("..2026_12_06_05_30_00.123456789/greeting"),
                        "ro"),
                bind("/data", volumes.paths().get("scratch"), "rw"),
                "{\"destination\":\"/cache\",\"type\":\"tmpfs\",\"source\":\"tmpfs\","
                        + "\"options\":[\"rw\",\"mode=1777\",\"size=1048576\"]}");
        assertThat(MountSpecs.into(new JsonObject(), List.of(), volumes).containsKey("mounts")).isFalse();
    }

    @Test
    void aSidecarMountsTheInstancesVolumesAsTheServingContainerDoes() {
        VolumeDirs dirs = new VolumeDirs(state, clock);
        SidecarSpec sidecar = new SidecarSpec("side", "dev.local/side:1", List.of(), List.of(), Map.of(),
                List.of(MountSpec.of("scratch", "/shared", false), MountSpec.of("config", "/etc/config", true)),
                Optional.empty(), Optional.empty());
        ImageWorkload spec = WorkloadSpec.image(REVISION, "dev.local/app:1")
                .volume(new VolumeSpec.EmptyDir("scratch", false, OptionalLong.empty())).volume(config("v1"))
                .mount(MountSpec.of("scratch", "/data", false)).sidecar(sidecar).build();
        InstanceVolumes volumes = dirs.acquire("app-00001-bcdfg", spec);

        JsonObject container = SidecarSpecs.container("p", 1, Map.of(), sidecar, spec, volumes);

        assertThat(MountSpecs.refusal(spec)).isEmpty();
        assertThat(container.getJsonArray("mounts").stream().map(Object::toString).toList()).containsExactly(
                bind("/shared", volumes.paths().get("scratch"), "rw"),
                bind("/etc/config", volumes.paths().get("config"), "ro"));
    }

    @Test
    void aSubPathIntoAMemoryEmptyDirIsRefusedByName() {
        ImageWorkload spec = WorkloadSpec.image(REVISION, "dev.local/app:1")
                .volume(new VolumeSpec.EmptyDir("cache", true, OptionalLong.empty()))
                .mount(new MountSpec("cache", "/cache", false, Optional.of("sub"))).build();
        assertThat(MountSpecs.refusal(spec)).hasValueSatisfying(why -> assertThat(why)
                .contains("subPath", "cache", "Memory"));
        assertThat(MountSpecs.refusal(spec(config("v1")))).isEmpty();
    }

    @Test
    void aMemoryEmptyDirMountedByTwoContainersIsRefusedByName() {
        SidecarSpec sidecar = new SidecarSpec("side", "dev.local/side:1", List.of(), List.of(), Map.of(),
                List.of(MountSpec.of("cache", "/cache", false)), Optional.empty(), Optional.empty());
        ImageWorkload spec = WorkloadSpec.image(REVISION, "dev.local/app:1")
                .volume(new VolumeSpec.EmptyDir("cache", true, OptionalLong.empty()))
                .mount(MountSpec.of("cache", "/cache", false)).sidecar(sidecar).build();
        assertThat(MountSpecs.refusal(spec)).hasValueSatisfying(why -> assertThat(why)
                .contains("emptyDir cache", "mounted by 2 containers", "medium: Memory"));
    }

    private static String bind(String destination, Path source, String mode) {
        return "{\"destination\":\"" + destination + "\",\"type\":\"bind\",\"source\":\"" + source
                + "\",\"options\":[\"rbind\",\"" + mode + "\"]}";
    }
}
