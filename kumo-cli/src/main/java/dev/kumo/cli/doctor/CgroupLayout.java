package dev.kumo.cli.doctor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The cgroup hierarchies mounted here, from {@code /proc/self/mountinfo}: v1 controllers, and the v2 (unified)
 * mount with the controllers its {@code cgroup.controllers} lists. v1 only, v2 only, or hybrid (both, as on this
 * project's machines, where podman uses the v1 controllers).
 *
 * @param v1Controllers the controllers of the v1 hierarchies (named ones such as {@code name=systemd} left out)
 * @param v2Mount where the unified hierarchy is mounted, if it is
 * @param v2Controllers the controllers the unified hierarchy offers
 */
record CgroupLayout(Set<String> v1Controllers, Optional<Path> v2Mount, Set<String> v2Controllers) {

    private static final List<String> NEEDED = List.of("memory", "cpu");

    /** Reads the layout from mountinfo; {@code read} gives a v2 mount's {@code cgroup.controllers}. */
    static CgroupLayout parse(String mountinfo, Function<Path, Optional<String>> read) {
        Set<String> v1 = new LinkedHashSet<>();
        Optional<Path> v2 = Optional.empty();
        for (String line : mountinfo.lines().toList()) {
            String[] halves = line.split(" - ", 2);
            String[] mount = halves[0].split(" ");
            if (halves.length < 2 || mount.length < 5) {
                continue;
            }
            String[] filesystem = halves[1].split(" ");
            if (filesystem[0].equals("cgroup2") && v2.isEmpty()) {
                v2 = Optional.of(Path.of(mount[4]));
            } else if (filesystem[0].equals("cgroup") && filesystem.length >= 3) {
                Arrays.stream(filesystem[2].split(","))
                        .filter(option -> !option.equals("rw") && !option.equals("ro") && !option.contains("="))
                        .forEach(v1::add);
            }
        }
        Set<String> v2Controllers = new LinkedHashSet<>();
        v2.flatMap(mount -> read.apply(mount.resolve("cgroup.controllers")))
                .ifPresent(text -> v2Controllers.addAll(Arrays.asList(text.strip().split("\\s+"))));
        v2Controllers.remove("");
        return new CgroupLayout(v1, v2, v2Controllers);
    }

    /** v1, v2 or hybrid; empty when no hierarchy is mounted. */
    Optional<String> version() {
        if (!v1Controllers.isEmpty()) {
            return Optional.of(v2Mount.isPresent() ? "hybrid" : "v1");
        }
        return v2Mount.map(mount -> "v2");
    }

    /** The controllers podman's limits go through: the v1 ones where there are any, else the unified ones. */
    Set<String> limitControllers() {
        return v1Controllers.isEmpty() ? v2Controllers : v1Controllers;
    }

    /** Memory and CPU controllers are needed to enforce {@code resources.limits}. */
    Check check() {
        if (version().isEmpty()) {
            return Check.missing("cgroups", "no cgroup hierarchy mounted", "mount one: mount -t cgroup2 none "
                    + "/sys/fs/cgroup");
        }
        String layout = switch (version().get()) {
            case "hybrid" -> "hybrid (v1 controllers, v2 at " + v2Mount.get() + ")";
            case "v1" -> "v1";
            default -> "v2 at " + v2Mount.get();
        };
        List<String> absent = NEEDED.stream().filter(c -> !limitControllers().contains(c)).toList();
        if (!absent.isEmpty()) {
            return Check.missing("cgroups", layout + " without the " + String.join(" and ", absent) + " controller"
                    + (absent.size() > 1 ? "s" : "") + ": memory/CPU limits cannot be enforced", v2Mount.isPresent()
                    && v1Controllers.isEmpty() ? "enable them: echo +memory +cpu > " + v2Mount.get()
                    + "/cgroup.subtree_control (or boot with cgroup_enable=memory)" : "boot with cgroup_enable=memory "
                    + "and mount the v1 memory and cpu hierarchies");
        }
        return Check.ok("cgroups", layout + "; memory and cpu controllers present");
    }
}
