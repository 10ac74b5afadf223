package dev.kumo.build.run;

import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One build at a time per cache directory: two runs of one Build share its cache (the java strategy's staged jar and
 * image tar, buildah's image-id file), so the second waits for the first, or for its own cancellation.
 */
final class CacheLocks {

    private static final long POLL_MILLIS = 200;
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private CacheLocks() {
    }

    /** What runs holding the lock. */
    @FunctionalInterface
    interface Locked {

        BuildOutcome run() throws InterruptedException;
    }

    /** Runs {@code work} if no build uses {@code cacheDir} now (holding it meanwhile); false if one does. */
    static boolean ifIdle(Path cacheDir, Runnable work) {
        ReentrantLock lock = LOCKS.computeIfAbsent(cacheDir.toAbsolutePath().normalize(), dir -> new ReentrantLock());
        if (!lock.tryLock()) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} once no other build uses {@code cacheDir}; cancelled while it waits, it does not run. */
    static BuildOutcome holding(Path cacheDir, BuildOutput output, Locked work) throws InterruptedException {
        ReentrantLock lock = LOCKS.computeIfAbsent(cacheDir.toAbsolutePath().normalize(), dir -> new ReentrantLock());
        if (!lock.tryLock()) {
            output.line("waiting for another run of this Build to finish with its cache " + cacheDir);
            while (!lock.tryLock(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (output.cancelled()) {
                    return new BuildOutcome.Cancelled();
                }
            }
        }
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
