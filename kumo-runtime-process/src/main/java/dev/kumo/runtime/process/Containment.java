package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.WorkloadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one instance is held together, limited and run as its user: the words put before its command line. With a
 * cgroup, a tiny shell writes its own pid into the instance's {@code cgroup.procs} files and then execs the rest,
 * so the workload is in its cgroup before its first instruction; without one it becomes a session leader
 * ({@code setsid}). Memory limits without a memory controller fall back to RLIMIT_AS ({@code prlimit}); the user
 * switch ({@code setpriv}) comes last, after the root-only steps. Each step execs, so the pid stays the workload's.
 */
final class Containment {

    private static final String JOIN_CGROUP = "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done;"
            + " shift; exec \"$@\"";

    private final Optional<InstanceCgroup> cgroup;
    private final boolean session;
    private final List<String> prefix;

    private Containment(Optional<InstanceCgroup> cgroup, boolean session, List<String> prefix) {
        this.cgroup = cgroup;
        this.session = session;
        this.prefix = List.copyOf(prefix);
    }

    /** Creates the instance's cgroup (where there are hierarchies) and the words that start its process. */
    static Containment prepare(Cgroups cgroups, String instanceId, WorkloadLimits limits,
            Optional<RunAs.Identity> identity) throws IOException {
        List<String> prefix = new ArrayList<>();
        Optional<InstanceCgroup> cgroup = Optional.empty();
        if (cgroups.available()) {
            InstanceCgroup created = cgroups.create(instanceId, limits);
            cgroup = Optional.of(created);
            prefix.addAll(List.of("/bin/sh", "-c", JOIN_CGROUP, "kumo-join-cgroup"));
            created.procsFiles().forEach(file -> prefix.add(file.toString()));
            prefix.add("--");
        } else {
            find("setsid").ifPresent(setsid -> prefix.add(setsid.toString()));
        }
        boolean session = cgroup.isEmpty() && !prefix.isEmpty();
        // Looked up only when it would act: each step costs the launch an exec.
        Optional<Path> prlimit = limits.memoryBytes().isPresent() && cgroups.with("memory").isEmpty()
                ? find("prlimit") : Optional.empty();
        prlimit.ifPresent(tool -> prefix.addAll(List.of(tool.toString(), "--as=" + limits.memoryBytes().getAsLong(),
                "--")));
        identity.ifPresent(id -> {
            List<String> words = new ArrayList<>(id.prefix());
            words.set(0, tool(words.getFirst()));
            prefix.addAll(words);
        });
        return new Containment(cgroup, session, prefix);
    }

    /** The instance's cgroup, empty where it is tracked by session. */
    Optional<InstanceCgroup> cgroup() {
        return cgroup;
    }

    /** Whether the process leads its own session, by which the fallback finds its descendants. */
    boolean bySession() {
        return session;
    }

    /** The command line to launch: the containment words, then the workload's own. */
    List<String> commandLine(List<String> workload) {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(workload);
        return line;
    }

    /** How many OOM kills the instance's cgroup has seen (0 without a memory controller). */
    long oomKills() {
        return cgroup.map(InstanceCgroup::oomKills).orElse(0L);
    }

    /** Kills what may be left in the cgroup (nothing after a normal stop) and removes it. */
    void release() {
        cgroup.ifPresent(group -> {
            group.killAll(ProcessRuntimeConfig.killWait());
            group.remove();
        });
    }

    /** Whether the util-linux tools a runtime may need are on the server's PATH. */
    static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    // Absolute, so a workload's own PATH cannot replace the platform's tools; the bare name if it is not found
    // (the runtime refuses a runAs it cannot honour before it gets here).
    private static String tool(String program) {
        return find(program).map(Path::toString).orElse(program);
    }
}
