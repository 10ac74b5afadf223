package dev.kumo.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.doctor.Check.Status;
import dev.kumo.cli.host.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check's decision on given findings: what it says, whether it blocks, and the fix it prints. */
class DoctorChecksTest {

    private static final Path PODMAN = Path.of("/usr/bin/podman");
    /** This project's machines: cgroup v1 controllers and a cgroup2 mount at /sys/fs/cgroup/unified. */
    private static final String HYBRID = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            38 30 0:35 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    private static final String V2 = "29 22 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 "
            + "cgroup2 rw,nsdelegate,memory_recursiveprot\n";

    @TempDir
    Path temp;

    @Test
    void podmanMissingNamesTheWholeInstall() {
        Check check = ContainerChecks.podman(Optional.empty(), Optional.empty());

        assertThat(check.status()).isEqualTo(Status.MISSING);
        assertThat(check.found()).isEqualTo("not found on PATH");
        assertThat(check.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("apt-get install podman runc catatonit"));
    }

    @Test
    void podmanFourOrNewerIsNeeded() {
        assertThat(ContainerChecks.podman(Optional.of(PODMAN), run(0, "podman version 4.3.1\n")))
                .isEqualTo(Check.ok("podman", "podman 4.3.1 at /usr/bin/podman"));
        Check old = ContainerChecks.podman(Optional.of(PODMAN), run(0, "podman version 3.4.4\n"));
        assertThat(old.status()).isEqualTo(Status.MISSING);
        assertThat(old.found()).isEqualTo("podman 3.4.4 at /usr/bin/podman is too old");
        Check broken = ContainerChecks.podman(Optional.of(PODMAN), Optional.of(new Machine.Run(1, "", "boom\n")));
        assertThat(broken.status()).isEqualTo(Status.MISSING);
        assertThat(broken.found()).isEqualTo("/usr/bin/podman --version failed: boom");
    }

    @Test
    void runcIsPinnedAndCrunBesideItIsSaidUnused() {
        Check both = ContainerChecks.runc(Optional.of(Path.of("/usr/sbin/runc")), run(0, "runc version 1.1.5+ds1\n"
                + "spec: 1.0.2-dev\n"), Optional.of(Path.of("/usr/bin/crun")));
        assertThat(both.status()).isEqualTo(Status.OK);
        assertThat(both.found()).isEqualTo("runc 1.1.5+ds1 at /usr/sbin/runc; Kumo's containers.conf pins runtime = "
                + "\"runc\" (crun at /usr/bin/crun is not used: crun 1.8 fails on hybrid cgroups)");
        Check none = ContainerChecks.runc(Optional.empty(), Optional.empty(), Optional.of(Path.of("/usr/bin/crun")));
        assertThat(none.status()).isEqualTo(Status.MISSING);
        assertThat(none.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("apt-get install runc"));
    }

    @Test
    void catatonitIsTheInit() {
        assertThat(ContainerChecks.catatonit(Optional.of(Path.of("/usr/libexec/podman/catatonit"))).status())
                .isEqualTo(Status.OK);
        Check missing = ContainerChecks.catatonit(Optional.empty());
        assertThat(missing.status()).isEqualTo(Status.MISSING);
        assertThat(missing.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("apt-get install catatonit"));
    }

    @Test
    void podNetworksNeedNetavarkOrCniAndIptables() {
        Optional<Path> netavark = Optional.of(Path.of("/usr/lib/podman/netavark"));
        Optional<Path> iptables = Optional.of(Path.of("/usr/sbin/iptables"));
        assertThat(ContainerChecks.network(netavark, Optional.empty(), iptables)).isEqualTo(Check.ok("pod network",
                "netavark at /usr/lib/podman/netavark with iptables at /usr/sbin/iptables"));
        assertThat(ContainerChecks.network(Optional.empty(), Optional.of(Path.of("/usr/lib/cni/bridge")), iptables)
                .found()).startsWith("CNI plugins at /usr/lib/cni");
        Check noIptables = ContainerChecks.network(netavark, Optional.empty(), Optional.empty());
        assertThat(noIptables.status()).isEqualTo(Status.MISSING);
        assertThat(noIptables.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("apt-get install iptables"));
        assertThat(ContainerChecks.network(Optional.empty(), Optional.empty(), iptables).fix())
                .hasValue("apt-get install netavark aardvark-dns iptables");
    }

    @Test
    void hybridCgroupsUseTheV1Controllers() {
        CgroupLayout layout = CgroupLayout.parse(HYBRID, file -> Optional.of("hugetlb\n"));

        assertThat(layout.version()).hasValue("hybrid");
        assertThat(layout.limitControllers()).containsExactly("cpu", "memory", "pids");
        assertThat(layout.check()).isEqualTo(Check.ok("cgroups", "hybrid (v1 controllers, v2 at "
                + "/sys/fs/cgroup/unified); memory and cpu controllers present"));
    }

    @Test
    void unifiedCgroupsNeedMemoryAndCpuEnabled() {
        assertThat(CgroupLayout.parse(V2, file -> Optional.of("cpuset cpu io memory pids\n")).check())
                .isEqualTo(Check.ok("cgroups", "v2 at /sys/fs/cgroup; memory and cpu controllers present"));
        Check without = CgroupLayout.parse(V2, file -> Optional.of("cpuset io pids\n")).check();
        assertThat(without.status()).isEqualTo(Status.MISSING);
        assertThat(without.found()).isEqualTo("v2 at /sys/fs/cgroup without the memory and cpu controllers: "
                + "memory/CPU limits cannot be enforced");
        assertThat(without.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("enable them: echo +memory +cpu > /sys/fs/cgroup/cgroup.subtree_control"));
        Check v1WithoutCpu = CgroupLayout.parse(HYBRID.replace("rw,cpu\n", "rw,cpuacct\n"), file -> Optional.empty())
                .check();
        assertThat(v1WithoutCpu.found()).contains("without the cpu controller");
        assertThat(CgroupLayout.parse("", file -> Optional.empty()).check().status()).isEqualTo(Status.MISSING);
    }

    @Test
    void podmanInfoSaysRuntimeCgroupsNetworkAndStorage() {
        String info = "{\"host\":{\"cgroupVersion\":\"v1\",\"networkBackend\":\"netavark\",\"ociRuntime\":"
                + "{\"name\":\"runc\"}},\"store\":{\"graphDriverName\":\"overlay\",\"graphRoot\":"
                + "\"/var/lib/containers/storage\"},\"version\":{\"Version\":\"4.3.1\"}}";

        assertThat(PodmanInfoCheck.answered("podman info", info)).isEqualTo(Check.ok("podman service",
                "podman 4.3.1 answers (podman info): runtime runc, cgroups v1, network netavark, storage overlay in "
                        + "/var/lib/containers/storage"));
        Check crun = PodmanInfoCheck.answered("unix:///run/podman/podman.sock", info.replace("\"runc\"", "\"crun\""));
        assertThat(crun.status()).isEqualTo(Status.WARNING);
        assertThat(crun.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("set runtime = \"runc\""));
        assertThat(PodmanInfoCheck.answered("podman info", "<html>").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void registriesComeFromTheServersConfigFileElseKnativesDefault() throws Exception {
        assertThat(HostSettings.registries(Optional.empty()).found()).isEqualTo("registries-skipping-tag-resolving: "
                + "kind.local,ko.local,dev.local,localhost (Knative's default; the server's --config file may set "
                + "registries-skipping-tag-resolving): images from others are resolved to a digest when a Revision is "
                + "created");
        Path text = Files.writeString(temp.resolve("a.yaml"), "registries-skipping-tag-resolving: \"dev.local, "
                + "registry.lan:5000\"\n");
        assertThat(HostSettings.registries(Optional.of(text)).found())
                .startsWith("registries-skipping-tag-resolving: dev.local,registry.lan:5000 (from " + text + ")");
        Path list = Files.writeString(temp.resolve("b.yaml"), "domain: example.com\n"
                + "registries-skipping-tag-resolving: [ko.local]\n");
        assertThat(HostSettings.registries(Optional.of(list)).found())
                .startsWith("registries-skipping-tag-resolving: ko.local (from");
        Path unset = Files.writeString(temp.resolve("c.yaml"), "domain: example.com\n");
        assertThat(HostSettings.registries(Optional.of(unset)).found()).contains("kind.local,ko.local,dev.local,"
                + "localhost (Knative's default; " + unset + " does not set");
        Check unreadable = HostSettings.registries(Optional.of(temp.resolve("missing.yaml")));
        assertThat(unreadable.status()).isEqualTo(Status.MISSING);
        assertThat(unreadable.fix()).hasValue("fix the file, or pass the server's config file with --config FILE");
    }

    @Test
    void theDataDirectoryMustBeWritableAndIsBestPrivate() throws Exception {
        Path dir = temp.resolve("data");
        assertThat(HostSettings.dataDir(dir)).isEqualTo(Check.ok("data directory", dir
                + " does not exist yet; kumo server creates it (mode 700)"));
        assertThat(HostSettings.dataDir(dir, true, true, Optional.of(PosixFilePermissions.fromString("rwx------"))))
                .isEqualTo(Check.ok("data directory", dir + " (rwx------)"));
        Check open = HostSettings.dataDir(dir, true, true, Optional.of(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(open.status()).isEqualTo(Status.WARNING);
        assertThat(open.fix()).hasValue("chmod 700 " + dir + " (kumo server also does it when it starts)");
        Check readOnly = HostSettings.dataDir(dir, true, false, Optional.of(PosixFilePermissions.fromString(
                "r-x------")));
        assertThat(readOnly.status()).isEqualTo(Status.MISSING);
        assertThat(readOnly.found()).isEqualTo(dir + " (r-x------) is not writable by this user");
        assertThat(HostSettings.dataDir(dir, false, true, Optional.empty()).found()).endsWith("is not a directory");
    }

    @Test
    void theProcessRuntimesHelpersAreAWarningWhenMissing() {
        Map<String, Optional<Path>> tools = new LinkedHashMap<>();
        tools.put("setsid", Optional.of(Path.of("/usr/bin/setsid")));
        tools.put("prlimit", Optional.of(Path.of("/usr/bin/prlimit")));
        tools.put("setpriv", Optional.of(Path.of("/usr/bin/setpriv")));
        assertThat(HostSettings.processTools(true, tools)).isEqualTo(Check.ok("process runtime",
                "/bin/sh, prlimit, setpriv, setsid (util-linux) present"));

        tools.put("setpriv", Optional.empty());
        Check without = HostSettings.processTools(true, tools);
        assertThat(without.status()).isEqualTo(Status.WARNING);
        assertThat(without.found()).startsWith("missing setpriv: processes still run, with less containment");
        assertThat(without.fix()).hasValue("apt-get install util-linux");
    }

    private static Optional<Machine.Run> run(int code, String out) {
        return Optional.of(new Machine.Run(code, out, ""));
    }
}
