package dev.kumo.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills what a crashed server left running: each instance found in its record (its cgroup, all of it, and its
 * process tree if the pid is verifiably the recorded process: same start instant and executable) and each cgroup
 * left in this runtime's cgroup parents without a record. The leftovers are listed when the runtime starts, before it
 * starts instances of its own, so new instances are never taken for leftovers; they are then killed concurrently in
 * the background, so a restart after a crash does not wait for them.
 */
final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private OrphanReaper() {
    }

    /** Lists the leftovers now and kills them in the background; completes with the ids of the instances killed. */
    static CompletableFuture<List<String>> start(Path recordDir, Cgroups cgroups) {
        List<Path> records = records(recordDir);
        Set<Path> recordedCgroups = new HashSet<>();
        List<CompletableFuture<Optional<String>>> reaped = new ArrayList<>();
        for (Path file : records) {
            Optional<InstanceRecord> record = InstanceRecord.read(file);
            record.ifPresent(r -> recordedCgroups.addAll(r.cgroups()));
            reaped.add(inBackground(() -> reap(file, record)));
        }
        for (InstanceCgroup cgroup : cgroups.leftovers()) {
            if (cgroup.dirs().isEmpty() || recordedCgroups.contains(cgroup.dirs().getFirst())) {
                continue;
            }
            reaped.add(inBackground(() -> reap(cgroup)));
        }
        return CompletableFuture.allOf(reaped.toArray(CompletableFuture[]::new))
                .thenApply(done -> reaped.stream().flatMap(f -> f.join().stream()).toList());
    }

    private static CompletableFuture<Optional<String>> inBackground(java.util.function.Supplier<Optional<String>> job) {
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        Thread.ofVirtual().name("orphan-reaper").start(() -> {
            try {
                result.complete(job.get());
            } catch (RuntimeException e) {
                LOG.warn("reaping a workload left by a previous server failed: {}", e.toString());
                result.complete(Optional.empty());
            }
        });
        return result;
    }

    private static Optional<String> reap(Path file, Optional<InstanceRecord> record) {
        Optional<String> killed = Optional.empty();
        if (record.isPresent()) {
            InstanceRecord r = record.get();
            Optional<ProcessHandle> process = ProcessHandle.of(r.pid()).filter(r::matches);
            InstanceCgroup cgroup = InstanceCgroup.of(r.cgroups());
            boolean inCgroup = !cgroup.pids().isEmpty();
            process.ifPresent(p -> ProcessTree.of(p, r.session()).kill(KILL_WAIT));
            cgroup.killAll(KILL_WAIT);
            cgroup.remove();
            if (process.isPresent() || inCgroup) {
                LOG.warn("killed the processes of instance {} (pid {}), left running by a previous server",
                        r.instanceId(), r.pid());
                killed = Optional.of(r.instanceId());
            }
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the record " + file, e);
        }
        return killed;
    }

    private static Optional<String> reap(InstanceCgroup cgroup) {
        String id = cgroup.dirs().getFirst().getFileName().toString();
        boolean any = !cgroup.pids().isEmpty();
        cgroup.killAll(KILL_WAIT);
        cgroup.remove();
        if (any) {
            LOG.warn("killed the processes in cgroup {}, left by a previous server", cgroup.dirs().getFirst());
        }
        return any ? Optional.of(id) : Optional.empty();
    }

    private static List<Path> records(Path recordDir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(recordDir)) {
            return files;
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(recordDir)) {
            listing.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("listing the workload records in " + recordDir, e);
        }
        return files;
    }
}
