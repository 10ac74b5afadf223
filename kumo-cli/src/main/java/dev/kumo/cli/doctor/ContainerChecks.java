package dev.kumo.cli.doctor;

import dev.kumo.cli.host.Machine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The decisions on the container runtime's programs, from what was found: podman (4 or newer, on {@code PATH}),
 * runc (the OCI runtime Kumo pins), catatonit (the init) and the pod network (netavark or CNI, with iptables).
 */
final class ContainerChecks {

    static final String INSTALL = "apt-get install podman runc catatonit";
    /** Where podman looks for runc when it is not on PATH (containers.conf's default list). */
    static final List<Path> RUNC_PLACES = paths("/usr/bin/runc", "/usr/sbin/runc", "/usr/local/bin/runc",
            "/usr/local/sbin/runc", "/sbin/runc", "/bin/runc", "/usr/lib/cri-o-runc/sbin/runc");
    /** Where podman looks for its init ({@code init_path}) and helper programs. */
    static final List<Path> CATATONIT_PLACES = paths("/usr/libexec/podman/catatonit",
            "/usr/local/libexec/podman/catatonit", "/usr/lib/podman/catatonit");
    static final List<Path> NETAVARK_PLACES = paths("/usr/local/libexec/podman/netavark",
            "/usr/local/lib/podman/netavark", "/usr/libexec/podman/netavark", "/usr/lib/podman/netavark");
    static final List<Path> CNI_PLACES = paths("/usr/lib/cni/bridge", "/opt/cni/bin/bridge",
            "/usr/libexec/cni/bridge");
    static final List<Path> SBIN_PLACES = paths("/usr/sbin/iptables", "/sbin/iptables");

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.\\d+)?\\S*");
    private static final int MIN_PODMAN_MAJOR = 4;

    private ContainerChecks() {
    }

    /** podman on PATH, and {@code podman --version} saying 4 or newer. */
    static Check podman(Optional<Path> podman, Optional<Machine.Run> version) {
        if (podman.isEmpty()) {
            return Check.missing("podman", "not found on PATH", INSTALL + " (Debian 12 or newer; podman 4 or newer "
                    + "is needed)");
        }
        Optional<Machine.Run> answered = version.filter(Machine.Run::succeeded);
        Optional<String> number = answered.flatMap(run -> version(run.out()));
        if (number.isEmpty()) {
            return Check.missing("podman", podman.get() + " --version failed: " + version.map(r -> r.firstLines(2))
                    .orElse("not run"), "reinstall podman: " + INSTALL);
        }
        int major = Integer.parseInt(number.get().split("\\.")[0]);
        if (major < MIN_PODMAN_MAJOR) {
            return Check.missing("podman", "podman " + number.get() + " at " + podman.get() + " is too old",
                    "install podman 4 or newer (Debian 12: " + INSTALL + ")");
        }
        return Check.ok("podman", "podman " + number.get() + " at " + podman.get());
    }

    /** runc, which Kumo's containers.conf pins; crun beside it is said to be unused. */
    static Check runc(Optional<Path> runc, Optional<Machine.Run> version, Optional<Path> crun) {
        if (runc.isEmpty()) {
            return Check.missing("runc", "not found (on PATH or where podman looks)", "apt-get install runc (Kumo's "
                    + "containers.conf pins runtime = \"runc\": crun 1.8 fails on hybrid cgroups)");
        }
        String number = version.filter(Machine.Run::succeeded).flatMap(run -> version(run.out()))
                .map(v -> "runc " + v).orElse("runc");
        return Check.ok("runc", number + " at " + runc.get() + "; Kumo's containers.conf pins runtime = \"runc\""
                + crun.map(c -> " (crun at " + c + " is not used: crun 1.8 fails on hybrid cgroups)").orElse(""));
    }

    /** catatonit, the init podman runs as PID 1 so that a workload's PID 1 gets SIGTERM. */
    static Check catatonit(Optional<Path> catatonit) {
        return catatonit.map(path -> Check.ok("init", "catatonit at " + path))
                .orElseGet(() -> Check.missing("init", "catatonit not found", "apt-get install catatonit (podman "
                        + "runs it as PID 1 so that SIGTERM reaches the workload)"));
    }

    /** A network namespace per pod: netavark (or CNI plugins) and the iptables they drive. */
    static Check network(Optional<Path> netavark, Optional<Path> cni, Optional<Path> iptables) {
        Optional<String> backend = netavark.map(p -> "netavark at " + p).or(() -> cni.map(p -> "CNI plugins at "
                + p.getParent()));
        if (backend.isEmpty()) {
            return Check.missing("pod network", "neither netavark nor CNI plugins found", "apt-get install netavark "
                    + "aardvark-dns iptables");
        }
        if (iptables.isEmpty()) {
            return Check.missing("pod network", backend.get() + ", but no iptables", "apt-get install iptables "
                    + "(the bridge network of each pod needs it)");
        }
        return Check.ok("pod network", backend.get() + " with iptables at " + iptables.get());
    }

    /** The first {@code N.N[.N]} in a {@code --version} output. */
    static Optional<String> version(String output) {
        Matcher matcher = VERSION.matcher(output);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    private static List<Path> paths(String... paths) {
        return Stream.of(paths).map(Path::of).toList();
    }
}
