package dev.kumo.runtime.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fallback where no cgroup is writable: an instance starts as the leader of its own session ({@code setsid}),
 * and its processes are found by a walk of {@code /proc} for that session id, besides the descendants the
 * {@link ProcessTree} remembers by parent. A descendant that starts a session of its own between two walks while
 * its parent dies escapes both: only a cgroup closes that gap.
 */
final class SessionMembers {

    private SessionMembers() {
    }

    /** The live processes of session {@code sid} that started no earlier than {@code notBefore}. */
    static List<ProcessHandle> of(long sid, Optional<Instant> notBefore) {
        List<ProcessHandle> members = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                if (session(proc).equals(OptionalLong.of(sid))) {
                    ProcessHandle.of(pid).filter(handle -> notBefore.isEmpty() || handle.info().startInstant()
                            .map(start -> !start.isBefore(notBefore.get())).orElse(false))
                            .ifPresent(members::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux): only the remembered tree is known.
        }
        return members;
    }

    /** The session id in {@code /proc/PID/stat}: the 4th field after the command name. */
    private static OptionalLong session(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[3]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
