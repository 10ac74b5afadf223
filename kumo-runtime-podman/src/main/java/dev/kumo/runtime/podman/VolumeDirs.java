package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.VolumeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host directories behind the instances' volumes, under {@code <state>/volumes} (private to the server's
 * user): an {@code emptyDir} is a directory per instance ({@code instances/<id>/<volume>}, removed with the
 * instance); the files of a ConfigMap/Secret/projected volume are written once per revision
 * ({@code files/<namespace>/<revision>/<volume>}, the kubelet's way: {@link AtomicWriter}), shared by its
 * instances, rewritten in place by {@link #refresh} and removed when the revision's last instance stops.
 */
final class VolumeDirs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeDirs.class);

    private final Path root;
    private final InstantSource clock;
    private final boolean serverIsRoot;
    private final Map<String, Integer> revisionUsers = new HashMap<>();
    private final Map<String, String> instanceRevisions = new HashMap<>();
    private final Map<String, VolumeSpec.Files> latest = new HashMap<>();
    private final Map<String, AtomicWriter.Owner> owners = new HashMap<>();

    /** The volume directories under {@code stateDir}; what a previous server left there is removed now. */
    VolumeDirs(Path stateDir, InstantSource clock) {
        this.root = stateDir.resolve("volumes");
        this.clock = clock;
        this.serverIsRoot = serverIsRoot();
        try {
            deleteTree(root);
        } catch (IOException e) {
            LOG.warn("removing the volume directories a previous server left in {}: {}", root, e.toString());
        }
    }

    /**
     * Makes the directories of {@code instanceId}'s volumes: its own emptyDirs, and its revision's files unless
     * another instance of the revision already wrote them (newest content: the last {@link #refresh}, else the spec's).
     */
    synchronized InstanceVolumes acquire(String instanceId, ImageWorkload spec) {
        String revision = key(spec.revision());
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<String, VolumeSpec> specs = new LinkedHashMap<>();
        try {
            boolean firstOfRevision = !revisionUsers.containsKey(revision);
            AtomicWriter.Owner owner = serverIsRoot
                    ? new AtomicWriter.Owner(spec.runAs().user(), spec.runAs().group())
                    : AtomicWriter.Owner.SERVER; // rootless podman maps the server's user to the container's root
            owners.put(revision, owner);
            for (VolumeSpec volume : spec.volumes()) {
                specs.put(volume.name(), volume);
                switch (volume) {
                    case VolumeSpec.EmptyDir empty -> paths.put(volume.name(), emptyDir(instanceId, empty));
                    case VolumeSpec.Files files -> {
                        Path dir = filesDir(spec.revision(), files.name());
                        if (firstOfRevision || !Files.isSymbolicLink(dir.resolve(AtomicWriter.DATA))) {
                            VolumeSpec.Files newest = latest.getOrDefault(revision + "/" + files.name(), files);
                            new AtomicWriter(dir, owner).write(newest.files(), clock.instant());
                        }
                        paths.put(volume.name(), dir);
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(instanceDir(instanceId));
            throw new PodmanException("preparing the volumes of instance " + instanceId + " in " + root, e);
        }
        revisionUsers.merge(revision, 1, Integer::sum);
        instanceRevisions.put(instanceId, revision);
        return new InstanceVolumes(instanceId, paths, specs);
    }

    /** Removes {@code instanceId}'s emptyDirs, and its revision's files if it was the last instance; idempotent. */
    synchronized void release(String instanceId) {
        deleteQuietly(instanceDir(instanceId));
        String revision = instanceRevisions.remove(instanceId);
        if (revision != null && revisionUsers.merge(revision, -1, Integer::sum) <= 0) {
            revisionUsers.remove(revision);
            owners.remove(revision);
            deleteQuietly(root.resolve("files").resolve(revision));
        }
    }

    /**
     * New content of a revision's files volume: rewritten now if its instances run, else kept for the next. A write
     * that fails is logged and left to the next refresh (Kubernetes' updates are eventual too).
     */
    synchronized void refresh(RevisionRef ref, String volume, VolumeSpec.Files files) {
        String revision = key(ref);
        latest.put(revision + "/" + volume, files);
        if (!revisionUsers.containsKey(revision)) {
            return;
        }
        Path dir = filesDir(ref, volume);
        if (Files.isSymbolicLink(dir.resolve(AtomicWriter.DATA))) {
            try {
                new AtomicWriter(dir, owners.getOrDefault(revision, AtomicWriter.Owner.SERVER))
                        .write(files.files(), clock.instant());
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("refreshing volume {} of {} in {}: {}", volume, ref, dir, e.toString());
            }
        }
    }

    /** Removes every volume directory. */
    @Override
    public synchronized void close() {
        revisionUsers.clear();
        instanceRevisions.clear();
        deleteQuietly(root);
    }

    private Path emptyDir(String instanceId, VolumeSpec.EmptyDir empty) throws IOException {
        Path dir = instanceDir(instanceId).resolve(safe(empty.name()));
        makePrivateParents(dir.getParent());
        Files.createDirectories(dir);
        // Kubernetes makes an emptyDir world-writable, so any runAsUser can write in it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dir;
    }

    private Path filesDir(RevisionRef ref, String volume) {
        Path dir = root.resolve("files").resolve(key(ref)).resolve(safe(volume));
        try {
            makePrivateParents(dir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("making " + dir.getParent(), e);
        }
        return dir;
    }

    private Path instanceDir(String instanceId) {
        return root.resolve("instances").resolve(safe(instanceId));
    }

    /** {@code <state>/volumes} and everything between it and {@code dir}: 0700, the server's user only. */
    private void makePrivateParents(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path path = dir; path.startsWith(root); path = path.getParent()) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static String key(RevisionRef ref) {
        return safe(ref.namespace()) + "/" + safe(ref.revision());
    }

    /** Kubernetes names are DNS labels; anything else must not reach the file system as a path. */
    private static String safe(String name) {
        if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("\"" + name + "\" cannot name a volume directory: Kubernetes names "
                    + "are DNS labels");
        }
        return name;
    }

    /** Whether this process runs as root: {@code /proc/self} is owned by the effective user. */
    private static boolean serverIsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("removing volume directory {}: {}", dir, e.toString());
        }
    }

    /** Deletes {@code path} and everything under it, not following symlinks; nothing there is fine. */
    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
