package dev.kumo.runtime.process;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** Skips a test where this machine lacks what it needs, saying why; never on CI, where the need is a failure. */
final class HostCapabilities {

    private HostCapabilities() {
    }

    static void assume(boolean present, String why) {
        if (!present && !"true".equals(System.getenv("CI"))) {
            System.out.println("skipped: " + why);
        }
        assumeTrue(present || "true".equals(System.getenv("CI")), why);
    }

    /** The cgroups a runtime with this state directory would use (cleaned up when the runtime closes). */
    static Cgroups cgroups(Path stateDir) {
        Cgroups cgroups = Cgroups.discover(stateDir);
        cgroups.close();
        return cgroups;
    }

    static void assumeCgroups(Path stateDir) {
        assume(cgroups(stateDir).available(), "no writable cgroup on this host: containment falls back to sessions");
    }

    static void assumeController(Path stateDir, String controller) {
        assume(cgroups(stateDir).with(controller).isPresent(), "no writable " + controller + " cgroup on this host");
    }

    static void assumeRoot() {
        assume(ServerUser.current().root(), "the tests run as uid " + ServerUser.current().uid()
                + ", and only root can start a process as another user");
    }
}
