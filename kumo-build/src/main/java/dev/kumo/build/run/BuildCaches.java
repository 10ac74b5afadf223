package dev.kumo.build.run;

import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The build caches under {@code DATA_DIR/builds/cache/NAMESPACE/}: one per Build (its name), one per BuildRun with an
 * embedded spec ({@code _run-NAME}). A cache goes with its owner — a deleted Build, a run of its own once ended or
 * deleted — unless a build holds it at that moment ({@link CacheLocks}), and a sweep at start collects those whose
 * owner went while the server was down.
 */
final class BuildCaches {

    private final Path root;

    BuildCaches(Path dataDir) {
        this.root = dataDir.resolve("cache");
    }

    /** The cache of Build {@code name}. */
    Path ofBuild(String namespace, String name) {
        return root.resolve(namespace).resolve(name);
    }

    /** The cache of a run with an embedded spec (no Build's name, a DNS label, starts with {@code _}). */
    Path ofRun(String namespace, String run) {
        return root.resolve(namespace).resolve("_run-" + run);
    }

    /** Deletes {@code cache} unless a build uses it now; false when it is in use (to try again later). */
    static boolean deleteIfIdle(Path cache) {
        return CacheLocks.ifIdle(cache, () -> delete(cache));
    }

    /** Deletes the caches whose Build or run is gone; those in use stay for their owner's next reconcile. */
    void sweep(List<Build> builds, List<BuildRun> runs) {
        Set<Path> owned = Stream.concat(
                builds.stream().map(b -> ofBuild(b.metadata().namespace(), b.metadata().name())),
                runs.stream().map(r -> ofRun(r.metadata().namespace(), r.metadata().name())))
                .collect(Collectors.toSet());
        for (Path namespace : children(root)) {
            for (Path cache : children(namespace)) {
                if (!owned.contains(cache)) {
                    deleteIfIdle(cache);
                }
            }
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing the build caches in " + dir, e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the build cache " + dir, e);
        }
    }
}
