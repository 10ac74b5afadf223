package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.WorkloadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cgroup hierarchies this server may put its instances in, found from {@code /proc/self/mountinfo} and
 * {@code /proc/self/cgroup}: the unified (v2) hierarchy and, on hybrid or v1 hosts, the v1 {@code memory} and
 * {@code cpu} hierarchies for what v2 lacks. Each instance goes under the server's own cgroup of each hierarchy, in
 * {@code <server-cgroup>/kumo/<state-dir-key>/<instance>}; a hierarchy whose directory cannot be created is skipped.
 * The first hierarchy is the one that tracks the instance's processes; with none, the runtime falls back to the
 * instance's session (see {@link SessionMembers}).
 */
final class Cgroups {

    /** One hierarchy: its version, the controllers usable by instances in it, and the parent of their cgroups. */
    record Hierarchy(int version, Set<String> controllers, Path parent) {

        String describe() {
            return "cgroup v" + version + " " + parent + (controllers.isEmpty() ? "" : " " + controllers);
        }
    }

    private static final List<String> WANTED = List.of("memory", "cpu");

    private final List<Hierarchy> hierarchies;

    private Cgroups(List<Hierarchy> hierarchies) {
        this.hierarchies = List.copyOf(hierarchies);
    }

    /** No cgroup: instances are tracked by session. */
    static Cgroups none() {
        return new Cgroups(List.of());
    }

    /** Finds and prepares this server's hierarchies for the runtime whose state directory is given. */
    static Cgroups discover(Path stateDir) {
        Optional<String> mountinfo = CgroupFiles.read(Path.of("/proc/self/mountinfo"));
        Optional<String> own = CgroupFiles.read(Path.of("/proc/self/cgroup"));
        if (mountinfo.isEmpty() || own.isEmpty()) {
            return none();
        }
        String key = key(stateDir);
        List<Hierarchy> usable = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (Mounted mounted : mounted(mountinfo.get(), own.get())) {
            boolean needed = usable.isEmpty() || mounted.version == 1
                    && mounted.controllers.stream().anyMatch(c -> WANTED.contains(c) && !covered.contains(c));
            if (!needed) {
                continue;
            }
            prepare(mounted, key).ifPresent(hierarchy -> {
                usable.add(hierarchy);
                covered.addAll(hierarchy.controllers());
            });
        }
        return new Cgroups(usable);
    }

    List<Hierarchy> hierarchies() {
        return hierarchies;
    }

    /** Whether instances get a cgroup (else they are tracked by session). */
    boolean available() {
        return !hierarchies.isEmpty();
    }

    /** The hierarchy whose controller enforces {@code controller}, if any. */
    Optional<Hierarchy> with(String controller) {
        return hierarchies.stream().filter(h -> h.controllers().contains(controller)).findFirst();
    }

    /** Creates an instance's cgroup in every hierarchy and writes its limits. */
    InstanceCgroup create(String instanceId, WorkloadLimits limits) throws IOException {
        return InstanceCgroup.create(this, instanceId, limits);
    }

    /** The cgroups of instances left in this runtime's parents, e.g. by a server killed before recording them. */
    List<InstanceCgroup> leftovers() {
        List<InstanceCgroup> found = new ArrayList<>();
        if (hierarchies.isEmpty()) {
            return found;
        }
        Path tracking = hierarchies.getFirst().parent();
        try (var children = Files.list(tracking)) {
            children.filter(Files::isDirectory).forEach(dir -> found.add(InstanceCgroup.of(hierarchies.stream()
                    .map(h -> h.parent().resolve(dir.getFileName().toString())).filter(Files::isDirectory)
                    .toList())));
        } catch (IOException e) {
            // The parent is gone: nothing was left in it.
        }
        return found;
    }

    /** One line for the start-up log and the docs' wording: what contains instances and what enforces limits. */
    String describe() {
        if (hierarchies.isEmpty()) {
            return "no writable cgroup: instances are tracked by session and parent (/proc); memory limits fall back"
                    + " to RLIMIT_AS, CPU limits are not enforced";
        }
        return "instances in " + hierarchies.stream().map(Hierarchy::describe).collect(Collectors.joining(", "))
                + "; memory limits by " + with("memory").map(h -> "cgroup v" + h.version()).orElse("RLIMIT_AS")
                + ", CPU limits " + with("cpu").map(h -> "by cgroup v" + h.version()).orElse("not enforced");
    }

    /** Removes the runtime's parent directories once empty. */
    void close() {
        for (Hierarchy hierarchy : hierarchies) {
            try {
                Files.deleteIfExists(hierarchy.parent());
            } catch (IOException e) {
                // Still holds an instance's cgroup (a straggler): the next start reaps it.
            }
        }
    }

    /** A short name for the state directory, so runtimes of different state directories never share a parent. */
    static String key(Path stateDir) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(stateDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A mounted hierarchy and this process's cgroup directory in it. */
    record Mounted(int version, Set<String> controllers, Path serverDir) {
    }

    /** The mounted hierarchies this process is in, the unified one first, then v1 memory, cpu and the rest. */
    static List<Mounted> mounted(String mountinfo, String ownCgroups) {
        List<Mounted> found = new ArrayList<>();
        for (String line : mountinfo.lines().toList()) {
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] pre = halves[0].split(" ");
            String[] post = halves[1].split(" ");
            if (pre.length < 5 || post.length < 3) {
                continue;
            }
            String root = pre[3];
            Path mountPoint = Path.of(pre[4]);
            if (post[0].equals("cgroup2")) {
                ownPath(ownCgroups, "").ifPresent(path -> found.add(new Mounted(2, Set.of(),
                        resolve(mountPoint, root, path))));
            } else if (post[0].equals("cgroup")) {
                Set<String> controllers = Arrays.stream(post[2].split(","))
                        .filter(option -> !option.equals("rw") && !option.equals("ro") && !option.contains("="))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                if (!controllers.isEmpty()) {
                    ownPath(ownCgroups, String.join(",", controllers)).ifPresent(path -> found.add(
                            new Mounted(1, controllers, resolve(mountPoint, root, path))));
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(Cgroups::order));
        return found;
    }

    private static int order(Mounted mounted) {
        if (mounted.version() == 2) {
            return 0;
        }
        return mounted.controllers().contains("memory") ? 1 : mounted.controllers().contains("cpu") ? 2 : 3;
    }

    private static Optional<String> ownPath(String ownCgroups, String controllers) {
        Set<String> wanted = Set.of(controllers.split(","));
        return ownCgroups.lines().map(line -> line.split(":", 3)).filter(parts -> parts.length == 3)
                .filter(parts -> controllers.isEmpty() ? parts[0].equals("0") && parts[1].isEmpty()
                        : Set.of(parts[1].split(",")).equals(wanted))
                .map(parts -> parts[2]).findFirst();
    }

    private static Path resolve(Path mountPoint, String root, String path) {
        String relative = !root.equals("/") && path.startsWith(root) ? path.substring(root.length()) : path;
        return mountPoint.resolve(relative.replaceFirst("^/+", ""));
    }

    /** Creates {@code <server-cgroup>/kumo/<key>}, enabling v2 controllers on the way where the kernel lets us. */
    private static Optional<Hierarchy> prepare(Mounted mounted, String key) {
        Path kumo = mounted.serverDir().resolve("kumo");
        Path parent = kumo.resolve(key);
        try {
            Files.createDirectories(parent);
            if (!Files.isWritable(parent.resolve("cgroup.procs"))) {
                return Optional.empty();
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        if (mounted.version() == 1) {
            return Optional.of(new Hierarchy(1, Set.copyOf(mounted.controllers()), parent));
        }
        for (Path dir : List.of(mounted.serverDir(), kumo, parent)) {
            for (String controller : WANTED) {
                if (words(dir.resolve("cgroup.controllers")).contains(controller)
                        && !words(dir.resolve("cgroup.subtree_control")).contains(controller)) {
                    try {
                        CgroupFiles.write(dir.resolve("cgroup.subtree_control"), "+" + controller);
                    } catch (IOException e) {
                        // A cgroup with processes of its own cannot delegate controllers (no internal processes).
                    }
                }
            }
        }
        Set<String> enabled = new LinkedHashSet<>(words(parent.resolve("cgroup.subtree_control")));
        enabled.retainAll(WANTED);
        return Optional.of(new Hierarchy(2, enabled, parent));
    }

    private static Set<String> words(Path file) {
        return CgroupFiles.read(file).map(text -> Set.of(text.strip().split("\\s+"))).orElse(Set.of());
    }
}
