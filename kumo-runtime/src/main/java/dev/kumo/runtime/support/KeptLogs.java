package dev.kumo.runtime.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At a runtime's start, the logs its predecessor left under the logs directory: each instance's directory is kept
 * as a stopped instance's log (the retention then drops it in time); one that says not whose it is, or holds no
 * line (a warm launcher's never taken), removed.
 */
public final class KeptLogs {

    private static final Logger LOG = LoggerFactory.getLogger(KeptLogs.class);

    private KeptLogs() {
    }

    /** Puts every log found in {@code logsDir} into {@code table} as a stopped instance's; returns how many. */
    public static int restore(Path logsDir, long maxBytes, InstantSource clock, InstanceTable table) {
        if (!Files.isDirectory(logsDir)) {
            return 0;
        }
        List<Path> dirs;
        try (Stream<Path> listed = Files.list(logsDir)) {
            dirs = listed.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            LOG.warn("cannot list the logs left in {}: {}", logsDir, e.toString());
            return 0;
        }
        int kept = 0;
        for (Path dir : dirs) {
            try {
                var restored = RotatingLog.restore(dir, maxBytes, clock);
                if (restored.isPresent() && !restored.get().log().lines().isEmpty()) {
                    table.restore(restored.get().log(), restored.get().stoppedAt());
                    kept++;
                } else {
                    PrivateFiles.deleteTree(dir);
                }
            } catch (RuntimeException e) {
                // One damaged log must not stop the runtime from starting: it is left out, and said once.
                LOG.warn("cannot read the log left in {}, leaving it out: {}", dir, e.toString());
            }
        }
        table.expire();
        if (kept > 0) {
            LOG.info("kept the logs of {} instance(s) that stopped before this start, in {}", kept, logsDir);
        }
        return kept;
    }
}
