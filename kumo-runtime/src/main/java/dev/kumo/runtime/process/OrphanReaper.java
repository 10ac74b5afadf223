package dev.kumo.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the process trees that a crashed server left running, as found in their records, and deletes the records;
 * a pid whose start instant or executable differ from the record is someone else's and is left alone.
 */
final class OrphanReaper {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private OrphanReaper() {
    }

    /** Reaps every record in the directory; answers the ids of the instances whose processes were killed. */
    static List<String> reap(Path recordDir) {
        List<String> killed = new ArrayList<>();
        if (!Files.isDirectory(recordDir)) {
            return killed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(recordDir)) {
            for (Path file : files) {
                Optional<InstanceRecord> record = InstanceRecord.read(file);
                record.flatMap(r -> ProcessHandle.of(r.pid()).filter(r::matches)).ifPresent(process -> {
                    ProcessTree.of(process).kill(KILL_WAIT);
                    killed.add(record.get().instanceId());
                    LOG.warn("killed process {} of instance {}, left running by a previous server",
                            process.pid(), record.get().instanceId());
                });
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reaping workload processes recorded in " + recordDir, e);
        }
        return killed;
    }
}
