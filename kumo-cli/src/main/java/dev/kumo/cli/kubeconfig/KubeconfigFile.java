package dev.kumo.cli.kubeconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.Manifests;
import dev.kumo.api.errors.ApiException;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.config.KubeconfigContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges Kumo's entries into kubectl's kubeconfig the way {@code kind} and {@code minikube} do: the first file of
 * {@code $KUBECONFIG}, else {@code ~/.kube/config}, created if missing; entries of the same name are replaced,
 * everything else is kept, and the current context is switched to Kumo's.
 */
public final class KubeconfigFile {

    private KubeconfigFile() {
    }

    /** The file to merge into: the first of {@code $KUBECONFIG}, else {@code ~/.kube/config}. */
    public static Path location(Map<String, String> variables, Path home) {
        return KubeconfigContext.location(variables, home);
    }

    /** Merges Kumo's document into the file; returns whether the file existed before. */
    public static boolean merge(Path file, ObjectNode kumo) {
        boolean existed = Files.exists(file);
        ObjectNode merged = existed ? read(file) : Json.object();
        merge(merged, kumo);
        write(file, merged, existed);
        return existed;
    }

    /** Merges Kumo's entries into a kubeconfig tree. */
    static void merge(ObjectNode target, ObjectNode kumo) {
        if (!target.has("apiVersion")) {
            target.put("apiVersion", "v1");
        }
        if (!target.has("kind")) {
            target.put("kind", "Config");
        }
        for (String section : List.of("clusters", "contexts", "users")) {
            ArrayNode entries = target.path(section) instanceof ArrayNode array ? array : target.putArray(section);
            for (JsonNode entry : kumo.path(section)) {
                String name = entry.path("name").asText();
                for (int i = entries.size() - 1; i >= 0; i--) {
                    if (entries.get(i).path("name").asText().equals(name)) {
                        entries.remove(i);
                    }
                }
                entries.add(entry);
            }
        }
        target.put("current-context", kumo.path("current-context").asText());
    }

    private static ObjectNode read(Path file) {
        try {
            String text = Files.readString(file);
            List<ObjectNode> documents = Manifests.read(text);
            if (documents.size() > 1) {
                throw new CliException(file + " holds " + documents.size() + " documents; a kubeconfig holds one");
            }
            return documents.isEmpty() ? Json.object() : documents.getFirst();
        } catch (IOException e) {
            throw new CliException("reading " + file + ": " + e.getMessage());
        } catch (ApiException e) {
            throw new CliException(file + " is not a readable kubeconfig: " + e.getMessage());
        }
    }

    /**
     * Writes the kubeconfig atomically: a temporary file beside it, renamed over it, so that a reader (kubectl, a
     * second kumo) never sees half a file. A new file is readable by its owner only (it may hold a bearer token), as
     * kubectl creates it; an existing one keeps its permissions. A symbolic link is followed: the real file is
     * replaced and the link kept.
     */
    private static void write(Path given, ObjectNode document, boolean existed) {
        Path file = existed ? realPath(given) : given;
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(parent);
            boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
            if (posix) {
                Set<PosixFilePermission> permissions = existed ? Files.getPosixFilePermissions(file)
                        : PosixFilePermissions.fromString("rw-------");
                temporary = Files.createTempFile(parent, ".kubeconfig", ".tmp",
                        PosixFilePermissions.asFileAttribute(permissions));
            } else {
                temporary = Files.createTempFile(parent, ".kubeconfig", ".tmp");
            }
            Files.writeString(temporary, Manifests.writeYaml(document));
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CliException("writing " + file + ": " + e.getMessage());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // Left behind beside the kubeconfig; the kubeconfig itself is whole either way.
                }
            }
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new CliException("resolving " + file + ": " + e.getMessage());
        }
    }
}
