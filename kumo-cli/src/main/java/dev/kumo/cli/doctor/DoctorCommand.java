package dev.kumo.cli.doctor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.host.Machine;
import dev.kumo.cli.output.ObjectPrinter;
import dev.kumo.cli.output.Output;
import dev.kumo.cli.output.OutputFormat;
import dev.kumo.cli.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kumo doctor}: checks this machine for the container runtime (podman, runc, catatonit, cgroups, the pod
 * network, podman answering), the registry settings, the data directory and the process runtime's helpers; prints
 * each with ✓, ! (works, weaker) or ✗ and the fix, and exits 1 when something needed is missing.
 */
@Command(name = "doctor", description = "Check that this machine has what Kumo's container runtime (podman) and "
        + "process runtime need; print what to install or change. Exits 1 when something needed is missing.")
public final class DoctorCommand implements Callable<Integer> {

    private static final Duration VERSION_LIMIT = Duration.ofSeconds(15);
    private static final int NAME_WIDTH = 17;

    @Option(names = "--podman-socket", paramLabel = "PATH", description = "Ask the podman service on this unix "
            + "socket (as kumo server --podman-socket) instead of running podman info with Kumo's containers.conf.")
    Path podmanSocket;

    @Option(names = "--config", paramLabel = "FILE", description = "The server's config file, for the registry "
            + "settings (registries-skipping-tag-resolving).")
    Path config;

    private final Session session;

    public DoctorCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<Check> checks = Machine.use(session.environment().variables(), this::checks);
        boolean ready = checks.stream().noneMatch(c -> c.status() == Check.Status.MISSING);
        Optional<Output> format = session.options().output();
        if (format.isPresent() && format.get().format() != OutputFormat.name) {
            session.out().print(ObjectPrinter.format(document(checks, ready), format.get(), node -> "doctor"));
        } else {
            checks.forEach(this::print);
            session.out().println();
            long problems = checks.stream().filter(c -> c.status() == Check.Status.MISSING).count();
            session.out().println(ready ? "Ready: this machine has what Kumo needs to run containers."
                    : "Not ready: " + problems + " problem" + (problems == 1 ? "" : "s") + " (✗) to fix as said "
                    + "above.");
        }
        session.out().flush();
        return ready ? 0 : 1;
    }

    private List<Check> checks(Machine machine) {
        List<Check> checks = new ArrayList<>();
        Optional<Path> podman = machine.which("podman");
        Check podmanCheck = ContainerChecks.podman(podman, podman.map(p -> version(machine, p)));
        checks.add(podmanCheck);
        Optional<Path> runc = machine.find("runc", ContainerChecks.RUNC_PLACES);
        checks.add(ContainerChecks.runc(runc, runc.map(p -> version(machine, p)),
                machine.find("crun", List.of(Path.of("/usr/bin/crun")))));
        checks.add(ContainerChecks.catatonit(machine.find("catatonit", ContainerChecks.CATATONIT_PLACES)));
        checks.add(CgroupLayout.parse(machine.read(Path.of("/proc/self/mountinfo")).orElse(""), machine::read)
                .check());
        checks.add(ContainerChecks.network(first(ContainerChecks.NETAVARK_PLACES), first(ContainerChecks.CNI_PLACES),
                machine.find("iptables", ContainerChecks.SBIN_PLACES)));
        if (podmanSocket != null) {
            checks.add(PodmanInfoCheck.ask(podmanSocket));
        } else if (podmanCheck.status() == Check.Status.OK) {
            checks.add(PodmanInfoCheck.ask(machine, podman.get()));
        } else {
            checks.add(Check.skipped(PodmanInfoCheck.NAME, "not asked: podman is missing or unusable (above)"));
        }
        checks.add(HostSettings.registries(Optional.ofNullable(config)));
        checks.add(HostSettings.dataDir(dataDir()));
        Map<String, Optional<Path>> tools = new LinkedHashMap<>();
        Stream.of("setsid", "prlimit", "setpriv").forEach(tool -> tools.put(tool, machine.which(tool)));
        checks.add(HostSettings.processTools(Files.isExecutable(Path.of("/bin/sh")), tools));
        return checks;
    }

    private Path dataDir() {
        return session.dataDirectory();
    }

    private static Machine.Run version(Machine machine, Path program) {
        return machine.run(List.of(program.toString(), "--version"), Map.of(), VERSION_LIMIT);
    }

    private static Optional<Path> first(List<Path> places) {
        return places.stream().filter(Files::isExecutable).findFirst();
    }

    private void print(Check check) {
        String name = check.name() + " ".repeat(Math.max(1, NAME_WIDTH - check.name().length()));
        session.out().println(check.status().mark() + " " + name + check.found());
        check.fix().ifPresent(fix -> session.out().println(" ".repeat(2 + NAME_WIDTH) + "fix: " + fix));
    }

    private static ObjectNode document(List<Check> checks, boolean ready) {
        ObjectNode document = Json.object().put("ready", ready);
        var items = document.putArray("checks");
        for (Check check : checks) {
            ObjectNode item = items.addObject().put("name", check.name())
                    .put("status", check.status().name().toLowerCase(Locale.ROOT))
                    .put("found", check.found());
            check.fix().ifPresent(fix -> item.put("fix", fix));
        }
        return document;
    }
}
