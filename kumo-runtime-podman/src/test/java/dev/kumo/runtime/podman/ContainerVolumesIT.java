package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.FileEntry;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.MountSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.RunAsSpec;
import dev.kumo.runtime.spi.VolumeSpec;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volumes of image instances through real podman, read from inside the container as user 65534: emptyDir
 * (a host directory, or a tmpfs for medium Memory), ConfigMap files with items and defaultMode, Secret files 0400
 * owned by the container's user, projected files, a subPath, and an update that reaches the running container.
 */
class ContainerVolumesIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final long NOBODY = 65534;
    private static final RevisionRef REVISION = RevisionRef.ofService("default", "vol", "vol-00001");

    @TempDir
    static Path stateDir;
    private static PodmanRuntime runtime;
    private static String id;
    private static InstanceAddress address;

    @BeforeAll
    static void startOneInstanceWithEveryKindOfVolume() {
        TestPodman.assume();
        runtime = PodmanRuntime.start(PodmanRuntimeConfig.defaults(stateDir));
        ImageWorkload spec = WorkloadSpec.image(REVISION, BusyboxImage.reference())
                .command("sh", "-c", "echo written-at-start > /data/hello; " + RunRoute.HTTPD)
                .runAs(new RunAsSpec(OptionalLong.of(NOBODY), OptionalLong.of(NOBODY), true))
                .volume(RunRoute.volume()).mount(RunRoute.mount())
                .volume(new VolumeSpec.EmptyDir("scratch", false, OptionalLong.empty()))
                .mount(MountSpec.of("scratch", "/data", false))
                .volume(new VolumeSpec.EmptyDir("cache", true, OptionalLong.of(8L << 20)))
                .mount(MountSpec.of("cache", "/cache", false))
                .volume(config("v1")).mount(MountSpec.of("config", "/etc/config", true))
                .mount(new MountSpec("config", "/etc/greeting.txt", true, Optional.of("greeting")))
                .volume(new VolumeSpec.Files("secret", Map.of("password", file("s3cret", FileEntry.SECRET_MODE))))
                .mount(MountSpec.of("secret", "/etc/secret", true))
                .volume(new VolumeSpec.Files("all", Map.of("cm/greeting", file("hi", 0644),
                        "sec/token", file("t0ken", 0400))))
                .mount(MountSpec.of("all", "/etc/projected", true))
                .build();
        id = runtime.start(spec).id();
        address = await().atMost(SETTLE).until(() -> runtime.instance(id).orElseThrow(),
                i -> i.state() instanceof InstanceState.Ready
                        || i.state() instanceof InstanceState.Failed).address().orElseThrow(() ->
                new AssertionError("not ready: " + runtime.instance(id)));
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            String key = runtime.dataDirKey();
            runtime.close();
            assertThat(stateDir.resolve("volumes")).as("volume directories after close").doesNotExist();
            TestPodman.removeLabelled(PodLabels.DATA_DIR_KEY, key);
        }
    }

    /** A ConfigMap with items (a key under another path, with its own mode) and a defaultMode of 0640. */
    private static VolumeSpec.Files config(String greeting) {
        return new VolumeSpec.Files("config", Map.of("greeting", file(greeting, 0640),
                "conf/app.properties", file("color=blue\n", 0440)));
    }

    private static FileEntry file(String content, int mode) {
        return new FileEntry(content.getBytes(StandardCharsets.UTF_8), mode);
    }

    @Test
    void anEmptyDirIsAWritableHostDirectoryOfTheInstance() throws Exception {
        assertThat(RunRoute.run(address, "cat /data/hello")).isEqualTo("written-at-start\n");
        Path onHost = stateDir.resolve("volumes/instances").resolve(id).resolve("scratch/hello");
        assertThat(onHost).hasContent("written-at-start");
        assertThat(Files.getPosixFilePermissions(stateDir.resolve("volumes")))
                .as("the volumes' parent is private to the server's user").hasSize(3);
    }

    @Test
    void aMemoryEmptyDirIsATmpfsOfItsSizeLimit() throws Exception {
        String mount = RunRoute.run(address, "grep /cache /proc/mounts");
        assertThat(mount).startsWith("tmpfs /cache tmpfs rw").contains("size=8192k");
        assertThat(RunRoute.run(address, "touch /cache/x")).isEmpty();
    }

    @Test
    void configMapFilesHonourItemsAndModesAndAreReadOnly() throws Exception {
        assertThat(RunRoute.run(address, "cat /etc/config/conf/app.properties")).isEqualTo("color=blue\n");
        assertThat(RunRoute.run(address, "stat -L -c %a /etc/config/conf/app.properties")).isEqualTo("440\n");
        assertThat(RunRoute.run(address, "stat -L -c %a /etc/config/greeting")).isEqualTo("640\n");
        assertThat(RunRoute.run(address, "ls -a /etc/config")).contains("..data", "conf", "greeting");
        assertThat(RunRoute.run(address, "grep /etc/config /proc/mounts")).contains(" ro,");
        assertThat(RunRoute.run(address, "touch /etc/config/new")).contains("Read-only file system");
    }

    @Test
    void secretFilesAre0400AndOwnedByTheContainersUser() throws Exception {
        assertThat(RunRoute.run(address, "id -u")).isEqualTo(NOBODY + "\n");
        assertThat(RunRoute.run(address, "stat -L -c %a:%u:%g /etc/secret/password"))
                .isEqualTo("400:" + NOBODY + ":" + NOBODY + "\n");
        assertThat(RunRoute.run(address, "cat /etc/secret/password")).isEqualTo("s3cret");
    }

    @Test
    void projectedFilesOfAConfigMapAndASecretShareOneVolume() throws Exception {
        assertThat(RunRoute.run(address, "cat /etc/projected/cm/greeting")).isEqualTo("hi");
        assertThat(RunRoute.run(address, "cat /etc/projected/sec/token")).isEqualTo("t0ken");
        assertThat(RunRoute.run(address, "stat -L -c %a /etc/projected/sec/token")).isEqualTo("400\n");
    }

    @Test
    void aSubPathMountsOneFile() throws Exception {
        assertThat(RunRoute.run(address, "cat /etc/greeting.txt")).isEqualTo("v1");
        assertThat(RunRoute.run(address, "ls /etc/config")).doesNotContain("greeting.txt");
    }

    @Test
    void refreshedFilesReachTheRunningContainerButNotItsSubPathMount() throws Exception {
        runtime.refreshFiles(REVISION, "config", config("v2"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(RunRoute.run(address, "cat /etc/config/greeting")).isEqualTo("v2"));
        assertThat(RunRoute.run(address, "cat /etc/config/conf/app.properties")).isEqualTo("color=blue\n");
        assertThat(RunRoute.run(address, "cat /etc/greeting.txt")).as("a subPath does not update, as in Kubernetes")
                .isEqualTo("v1");
        Path dir = stateDir.resolve("volumes/files/default/vol-00001/config");
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("..20")).toList())
                    .as("the previous generation is removed").hasSize(1);
        }
    }

    @Test
    void aRevisionsDirectoriesGoWhenItsLastInstanceStops() {
        RevisionRef other = RevisionRef.ofService("default", "gone", "gone-00001");
        ImageWorkload spec = WorkloadSpec.image(other, BusyboxImage.reference())
                .command("sh", "-c", RunRoute.HTTPD).volume(RunRoute.volume()).mount(RunRoute.mount())
                .volume(new VolumeSpec.EmptyDir("scratch", false, OptionalLong.empty()))
                .mount(MountSpec.of("scratch", "/data", false)).build();
        List<String> ids = List.of(runtime.start(spec).id(), runtime.start(spec).id());
        ids.forEach(each -> await().atMost(SETTLE).until(() -> runtime.instance(each).orElseThrow().state(),
                s -> s instanceof InstanceState.Ready));
        Path files = stateDir.resolve("volumes/files/default/gone-00001");

        runtime.stop(ids.get(0)).join();
        assertThat(stateDir.resolve("volumes/instances").resolve(ids.get(0))).doesNotExist();
        assertThat(files.resolve("cgi/run")).as("still used by the other instance").exists();

        runtime.stop(ids.get(1)).join();
        assertThat(files).doesNotExist();
        assertThat(stateDir.resolve("volumes/instances").resolve(ids.get(1))).doesNotExist();
    }
}
