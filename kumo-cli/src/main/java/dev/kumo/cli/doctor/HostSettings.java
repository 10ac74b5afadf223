package dev.kumo.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions on Kumo's own settings and directories: the registries whose tags are not resolved to digests, the
 * data directory, and the programs the process runtime uses for containment.
 */
final class HostSettings {

    static final String REGISTRIES_KEY = "registries-skipping-tag-resolving";
    /** Knative's default of {@code registries-skipping-tag-resolving} (config-deployment). */
    static final List<String> DEFAULT_REGISTRIES = List.of("kind.local", "ko.local", "dev.local", "localhost");

    private HostSettings() {
    }

    /** The registries setting in effect: the server's config file's key, else Knative's default. */
    static Check registries(Optional<Path> configFile) {
        if (configFile.isEmpty()) {
            return registries(DEFAULT_REGISTRIES, "Knative's default; the server's --config file may set "
                    + REGISTRIES_KEY);
        }
        JsonNode value;
        try {
            JsonNode document = new YAMLMapper().readTree(Files.readString(configFile.get()));
            value = document == null ? null : document.get(REGISTRIES_KEY);
        } catch (IOException e) {
            return Check.missing("image registries", "cannot read " + configFile.get() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), "fix the file, or pass the "
                    + "server's config file with --config FILE");
        }
        if (value == null || value.isNull()) {
            return registries(DEFAULT_REGISTRIES, "Knative's default; " + configFile.get() + " does not set "
                    + REGISTRIES_KEY);
        }
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> names.add(v.asText().strip()));
        } else {
            names.addAll(Arrays.stream(value.asText().split(",")).map(String::strip).toList());
        }
        names.removeIf(String::isEmpty);
        return registries(names, "from " + configFile.get());
    }

    private static Check registries(List<String> names, String source) {
        return Check.ok("image registries", REGISTRIES_KEY + ": " + (names.isEmpty() ? "none" : String.join(",",
                names)) + " (" + source + "): images from " + (names.isEmpty() ? "every registry" : "others")
                + " are resolved to a digest when a Revision is created");
    }

    /**
     * The data directory: usable when it is a directory this user may write (kumo server makes it mode 700), or
     * when it can be created.
     */
    static Check dataDir(Path dir) {
        if (!Files.exists(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent != null && Files.isDirectory(parent) && Files.isWritable(parent)) {
                return Check.ok("data directory", dir + " does not exist yet; kumo server creates it (mode 700)");
            }
            return Check.missing("data directory", dir + " does not exist and " + parent + " is not writable",
                    "create it (mkdir -p " + dir + " && chmod 700 " + dir + ") or pass --data-dir DIR");
        }
        Optional<Set<PosixFilePermission>> mode = permissions(dir);
        return dataDir(dir, Files.isDirectory(dir), Files.isWritable(dir) && Files.isExecutable(dir), mode);
    }

    /** The decision on an existing data directory. */
    static Check dataDir(Path dir, boolean directory, boolean writable, Optional<Set<PosixFilePermission>> mode) {
        String shown = mode.map(PosixFilePermissions::toString).orElse("?");
        if (!directory) {
            return Check.missing("data directory", dir + " is not a directory", "remove it, or pass --data-dir DIR");
        }
        if (!writable) {
            return Check.missing("data directory", dir + " (" + shown + ") is not writable by this user",
                    "chown it to the user running kumo server, or pass --data-dir DIR");
        }
        boolean shared = mode.map(m -> m.stream().anyMatch(p -> p.name().startsWith("GROUP")
                || p.name().startsWith("OTHERS"))).orElse(false);
        if (shared) {
            return Check.warning("data directory", dir + " is " + shown + "; it holds Secrets and the API token",
                    "chmod 700 " + dir + " (kumo server also does it when it starts)");
        }
        return Check.ok("data directory", dir + " (" + shown + ")");
    }

    /**
     * The process runtime's helpers: {@code /bin/sh} puts a process in its cgroup, util-linux's {@code setsid},
     * {@code prlimit} and {@code setpriv} contain it without a cgroup, cap its memory and switch its user.
     */
    static Check processTools(boolean shell, Map<String, Optional<Path>> tools) {
        List<String> absent = new ArrayList<>(tools.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).sorted().toList());
        if (!shell) {
            absent.addFirst("/bin/sh");
        }
        if (absent.isEmpty()) {
            return Check.ok("process runtime", "/bin/sh, " + String.join(", ", tools.keySet().stream().sorted()
                    .toList()) + " (util-linux) present");
        }
        return Check.warning("process runtime", "missing " + String.join(", ", absent) + ": processes still run, "
                + "with less containment (setpriv: runAsUser; prlimit: memory limits without a memory cgroup; "
                + "setsid: tracking without a cgroup)", "apt-get install util-linux"
                + (shell ? "" : " dash"));
    }

    private static Optional<Set<PosixFilePermission>> permissions(Path dir) {
        try {
            return Optional.of(Files.getPosixFilePermissions(dir));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
