package dev.kumo.cli.image;

import dev.kumo.cli.base.CliException;
import dev.kumo.cli.host.KumoPodman;
import dev.kumo.cli.host.Machine;
import dev.kumo.cli.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** Podman's local image storage as Kumo's podman service sees it: the podman CLI run with Kumo's containers.conf. */
final class LocalImages {

    private LocalImages() {
    }

    /** Runs {@code podman ARGS…}; a failure is an error with podman's own message. */
    static String podman(Session session, Duration limit, String... args) {
        return withPodman(session, podman -> {
            Machine.Run run = podman.run(limit, args);
            if (!run.succeeded()) {
                throw new CliException("podman " + args[0] + " failed: " + run.firstLines(3),
                        "Check the container runtime with 'kumo doctor'.");
            }
            return run.out();
        });
    }

    private static <T> T withPodman(Session session, Function<KumoPodman, T> use) {
        return Machine.use(session.environment().variables(), machine -> {
            Path podman = machine.which("podman").orElseThrow(() -> new CliException("podman is not installed "
                    + "(not found on PATH)", "Install it: apt-get install podman runc catatonit; then check with "
                    + "'kumo doctor'."));
            return use.apply(KumoPodman.on(machine, podman));
        });
    }
}
