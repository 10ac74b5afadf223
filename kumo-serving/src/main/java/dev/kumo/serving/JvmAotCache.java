package dev.kumo.serving;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDK AOT caches (JEP 483/514) for Revisions annotated {@code kumo.dev/jvm-aot-cache: "true"} whose command is
 * {@code java}: the first instance runs with {@code -XX:AOTCacheOutput} (the JVM writes the cache when it exits, e.g.
 * when it is scaled in), later instances with {@code -XX:AOTCache}. One cache per Revision under
 * {@code ROOT/NAMESPACE/REVISION/}, written into {@code recording/} and moved to {@code app.aot} only once its
 * recorder is gone (so no instance maps a half-written cache); removed with the Revision. A java that cannot do it
 * runs unchanged, said once in the log.
 */
final class JvmAotCache {

    /** The opt-in annotation on a Revision (its template's). */
    static final String ANNOTATION = "kumo.dev/jvm-aot-cache";

    private static final Logger LOG = LoggerFactory.getLogger(JvmAotCache.class);
    private static final String CACHE = "app.aot";
    /** The least time the recording instance is given to exit (and write the cache) once stopped. */
    static final Duration RECORDING_GRACE = Duration.ofSeconds(120);

    /** Whether a java command can write and use an AOT cache; the reason why not otherwise. */
    interface Support {
        Optional<String> whyNot(String javaCommand);
    }

    private final Path root;
    private final Support support;
    private final Predicate<String> running;
    private final Map<RevisionId, String> recorders = new ConcurrentHashMap<>();
    private final Set<RevisionId> told = ConcurrentHashMap.newKeySet();

    /** Caches under {@code root}; {@code running} says whether an instance (by id) still runs. */
    JvmAotCache(Path root, Support support, Predicate<String> running) {
        this.root = root;
        this.support = support;
        this.running = running;
    }

    /** The spec to start the next instance of {@code revision} with: recording the cache, using it, or unchanged. */
    ProcessWorkload specFor(RevisionId revision, Map<String, String> annotations, ProcessWorkload spec) {
        if (!"true".equals(annotations.get(ANNOTATION))) {
            return spec;
        }
        Optional<String> whyNot = whyNot(spec);
        if (whyNot.isPresent()) {
            if (told.add(revision)) {
                LOG.info("revision {}: {} ignored, instances run without an AOT cache: {}", revision, ANNOTATION,
                        whyNot.get());
            }
            return spec;
        }
        Path dir = dir(revision);
        Path cache = dir.resolve(CACHE);
        if (Files.isRegularFile(cache)) {
            return withOption(spec, "-XX:AOTCache=" + cache);
        }
        String recorder = recorders.get(revision);
        if (recorder != null && running.test(recorder)) {
            return spec; // the cache is still being recorded
        }
        Path recorded = dir.resolve("recording").resolve(CACHE);
        try {
            if (Files.isRegularFile(recorded)) {
                // The JVM wrote it with its umask's mode; it holds the workload's classes and heap objects.
                Files.setPosixFilePermissions(recorded, PosixFilePermissions
                        .fromString("rw-------"));
                Files.move(recorded, cache, StandardCopyOption.ATOMIC_MOVE);
                recorders.remove(revision);
                LOG.info("revision {}: AOT cache ready, {} bytes", revision, Files.size(cache));
                return withOption(spec, "-XX:AOTCache=" + cache);
            }
            Files.createDirectories(recorded.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("preparing the AOT cache of revision " + revision + " in " + dir, e);
        }
        return recording(withOption(spec, "-XX:AOTCacheOutput=" + recorded));
    }

    /**
     * The recorder writes the cache as it exits (JDK 25 assembles it in a child JVM), which can take longer than a
     * stop's usual grace on a loaded machine: killed at the grace, it leaves an empty file. Its grace is at least
     * {@link #RECORDING_GRACE}.
     */
    private static ProcessWorkload recording(ProcessWorkload spec) {
        WorkloadSpec.Common common = spec.common();
        if (common.terminationGracePeriod().compareTo(RECORDING_GRACE) >= 0) {
            return spec;
        }
        return new ProcessWorkload(new WorkloadSpec.Common(common.revision(), common.env(), common.containerPort(),
                common.readiness(), common.liveness(), RECORDING_GRACE, common.runAs(), common.limits()),
                spec.command(), spec.args(), spec.workingDir());
    }

    /** An instance started with {@code spec}: if it records the cache, later ones wait for it to finish. */
    void started(RevisionId revision, WorkloadSpec spec, String instanceId) {
        if (spec instanceof ProcessWorkload process
                && process.command().stream().anyMatch(word -> word.startsWith("-XX:AOTCacheOutput="))) {
            recorders.put(revision, instanceId);
        }
    }

    /** Deletes the revision's cache; call once its instances are stopped. */
    void remove(RevisionId revision) {
        recorders.remove(revision);
        told.remove(revision);
        Path dir = dir(revision);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("revision {}: removing its AOT cache {} failed", revision, dir, e);
        }
    }

    /** Where the cache of {@code revision} lives. */
    Path dir(RevisionId revision) {
        return root.resolve(revision.namespace()).resolve(revision.name());
    }

    private Optional<String> whyNot(ProcessWorkload spec) {
        if (spec.command().isEmpty() || !Path.of(spec.command().getFirst()).getFileName().toString().equals("java")) {
            return Optional.of("the container's command is not java: " + spec.commandLine());
        }
        return support.whyNot(spec.command().getFirst());
    }

    private static ProcessWorkload withOption(ProcessWorkload spec, String option) {
        List<String> command = new ArrayList<>(spec.command());
        command.add(1, option);
        return spec.withCommand(command);
    }
}
