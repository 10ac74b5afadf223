package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.RunAsSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whom a workload runs as, decided as the kubelet would with the server's user standing in for the image's user: a
 * server running as root starts the process as {@code runAsUser}/{@code runAsGroup} through {@code setpriv} (util-linux);
 * {@code runAsNonRoot} without a non-root {@code runAsUser} on a root server is refused, as the kubelet refuses an image
 * whose user is root; a server not running as root cannot switch users and refuses any other uid or gid.
 */
final class RunAs {

    /** The uid and gid to switch to. */
    record Identity(long uid, long gid) {

        /** The words that start the rest of the command line as this identity, without supplementary groups. */
        List<String> prefix() {
            return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
        }
    }

    private RunAs() {
    }

    /** Why the spec cannot run on this server, naming the field and the fix; empty if it can. */
    static Optional<String> refusal(RunAsSpec spec, ServerUser server) {
        if (spec.nonRoot() && spec.user().equals(OptionalLong.of(0))) {
            return Optional.of("securityContext.runAsUser is 0 but runAsNonRoot is true, so the container would run "
                    + "as root: set runAsUser to a non-zero uid (e.g. 65534) or drop runAsNonRoot");
        }
        if (spec.nonRoot() && spec.user().isEmpty() && server.root()) {
            return Optional.of("securityContext.runAsNonRoot is true but the container would run as root (uid 0, the "
                    + "user of kumo server; a host process has no image user): set securityContext.runAsUser to a "
                    + "non-zero uid (e.g. 65534, nobody), or run kumo server as an unprivileged user");
        }
        if (!server.root() && spec.user().isPresent() && spec.user().getAsLong() != server.uid()) {
            return Optional.of("securityContext.runAsUser is " + spec.user().getAsLong() + " but kumo server runs as "
                    + "uid " + server.uid() + " and cannot start processes as another user: remove runAsUser, set it "
                    + "to " + server.uid() + ", or run kumo server as root");
        }
        if (!server.root() && spec.group().isPresent() && spec.group().getAsLong() != server.gid()) {
            return Optional.of("securityContext.runAsGroup is " + spec.group().getAsLong() + " but kumo server runs "
                    + "as gid " + server.gid() + " and cannot start processes as another group: remove runAsGroup, "
                    + "set it to " + server.gid() + ", or run kumo server as root");
        }
        return Optional.empty();
    }

    /**
     * The identity to switch to, empty to stay the server's user. Without runAsGroup the group is the user's primary
     * group in the host's {@code /etc/passwd}, else the number of the uid (there is no image to take it from).
     */
    static Optional<Identity> identity(RunAsSpec spec, ServerUser server) {
        if (!server.root() || spec.user().orElse(0) == 0 && spec.group().isEmpty()) {
            return Optional.empty();
        }
        long uid = spec.user().orElse(0);
        long gid = spec.group().isPresent() ? spec.group().getAsLong() : primaryGroup(uid).orElse(uid);
        return Optional.of(new Identity(uid, gid));
    }

    /** A private temp dir (0700) outside the server's state directory, owned by the identity. */
    static Path tmpDir(String instanceId, Identity identity) throws IOException {
        Path dir = Files.createTempDirectory("kumo-" + instanceId + "-");
        Files.setAttribute(dir, "unix:uid", Math.toIntExact(identity.uid()));
        Files.setAttribute(dir, "unix:gid", Math.toIntExact(identity.gid()));
        return dir;
    }

    /**
     * The server's HOME, USER and LOGNAME are not the workload's: HOME becomes its temp dir (as writable as a home),
     * USER and LOGNAME go, unless the spec set them.
     */
    static void environment(Map<String, String> env, Map<String, String> specEnv, Path tmpDir) {
        if (!specEnv.containsKey("HOME")) {
            env.put("HOME", tmpDir.toString());
        }
        for (String name : List.of("USER", "LOGNAME")) {
            if (!specEnv.containsKey(name)) {
                env.remove(name);
            }
        }
    }

    private static OptionalLong primaryGroup(long uid) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().map(line -> line.split(":"))
                    .filter(fields -> fields.length > 3 && fields[2].equals(Long.toString(uid)))
                    .mapToLong(fields -> Long.parseLong(fields[3])).findFirst();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
