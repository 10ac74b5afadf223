package dev.kumo.runtime.support;

import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.RevisionRef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one instance in a directory of its own: {@code output.log} and, once that passes half the size kept,
 * {@code output.log.1}; each line as {@code TIMESTAMP text} (the kubelet's RFC 3339 with nanoseconds), files 0600.
 * {@code instance.properties} says whose log it is and when the instance stopped, so a restarted server finds the
 * logs of instances that stopped before it ({@link #restore}). Followers are called on the writing thread.
 */
public final class RotatingLog extends FollowedLog {

    private static final Logger LOG = LoggerFactory.getLogger(RotatingLog.class);

    private final Path dir;
    private final Path current;
    private final Path previous;
    private final long maxFileBytes;
    private Optional<OutputStream> out = Optional.empty();
    private boolean closed;
    private long size;

    /** A log in {@code dir} keeping at most {@code maxBytes} of {@code instanceId}'s lines. */
    public RotatingLog(Path dir, long maxBytes, RevisionRef revision, String instanceId, InstantSource clock) {
        this(dir, maxBytes, revision, instanceId, clock, Optional.empty());
    }

    /** The same, its owner file saying when the instance stopped, if it did ({@link #restore}). */
    private RotatingLog(Path dir, long maxBytes, RevisionRef revision, String instanceId, InstantSource clock,
            Optional<Instant> stoppedAt) {
        super(revision, instanceId, clock);
        this.dir = dir;
        this.current = dir.resolve("output.log");
        this.previous = dir.resolve("output.log.1");
        this.maxFileBytes = Math.max(1024, maxBytes / 2);
        try {
            PrivateFiles.createDirectories(dir);
            LogOwner.write(dir, revision, instanceId, stoppedAt);
            this.size = Files.exists(current) ? Files.size(current) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("opening the log of instance " + instanceId + " in " + dir, e);
        }
    }

    /** A log a previous server left in {@code dir}, and when its instance stopped; empty if {@code dir} is none. */
    public static Optional<Restored> restore(Path dir, long maxBytes, InstantSource clock) {
        return LogOwner.read(dir).map(owner -> {
            // Read before the owner file is written again: its time must not count as the log's last write.
            Instant stoppedAt = owner.stoppedAt().orElseGet(() -> lastWritten(dir));
            // The stop time is kept in the owner file, so that the next start still knows it.
            RotatingLog log = new RotatingLog(dir, maxBytes, owner.revision(), owner.instanceId(), clock,
                    Optional.of(stoppedAt));
            log.closed = true;
            return new Restored(log, stoppedAt);
        });
    }

    /** A log found at start and when its instance stopped (else when it was last written). */
    public record Restored(RotatingLog log, Instant stoppedAt) {
    }

    @Override
    protected void keep(LogLine line) {
        if (closed) {
            return;
        }
        byte[] bytes = (line.timestamp() + " " + line.text() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (size > 0 && size + bytes.length > maxFileBytes) {
                rotate();
            }
            OutputStream stream = out.isPresent() ? out.get() : open();
            stream.write(bytes);
            stream.flush();
            size += bytes.length;
        } catch (IOException e) {
            LOG.warn("cannot write the log of instance {}: {}", instanceId, e.toString());
        }
    }

    @Override
    public synchronized List<LogLine> lines() {
        List<LogLine> lines = new ArrayList<>();
        for (Path file : List.of(previous, current)) {
            for (String stored : readLines(file)) {
                lines.add(parse(stored));
            }
        }
        return lines;
    }

    /** Closes the file; later lines are dropped. */
    public synchronized void close() {
        closed = true;
        out.ifPresent(stream -> {
            try {
                stream.close();
            } catch (IOException e) {
                LOG.warn("cannot close the log of instance {}: {}", instanceId, e.toString());
            }
        });
        out = Optional.empty();
    }

    @Override
    public synchronized void stopped(Instant at) {
        close();
        try {
            LogOwner.write(dir, revision, instanceId, Optional.of(at));
        } catch (IOException e) {
            LOG.warn("cannot record the stop of instance {} in {}: {}", instanceId, dir, e.toString());
        }
    }

    @Override
    public synchronized void discard() {
        close();
        PrivateFiles.deleteTree(dir);
    }

    private LogLine parse(String stored) {
        int space = stored.indexOf(' ');
        if (space > 0) {
            try {
                return new LogLine(revision.revision(), instanceId, Instant.parse(stored.substring(0, space)),
                        stored.substring(space + 1));
            } catch (DateTimeParseException e) {
                // not a stamped line: kept whole below
            }
        }
        return new LogLine(revision.revision(), instanceId, Instant.EPOCH, stored);
    }

    private void rotate() throws IOException {
        close();
        closed = false;
        Files.move(current, previous, StandardCopyOption.REPLACE_EXISTING);
        size = 0;
    }

    /** Opens the current file for appending; a new one is the owner's only (mode 600), as its output may hold secrets. */
    private OutputStream open() throws IOException {
        OutputStream stream = Channels.newOutputStream(Files.newByteChannel(current, Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        out = Optional.of(stream);
        return stream;
    }

    private static Instant lastWritten(Path dir) {
        Instant last = Instant.EPOCH;
        for (String name : List.of("output.log", "output.log.1", LogOwner.FILE)) {
            try {
                Path file = dir.resolve(name);
                if (Files.exists(file)) {
                    FileTime time = Files.getLastModifiedTime(file);
                    last = time.toInstant().isAfter(last) ? time.toInstant() : last;
                }
            } catch (IOException e) {
                LOG.warn("cannot read when {} was written: {}", dir.resolve(name), e.toString());
            }
        }
        return last;
    }

    private static List<String> readLines(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            // Leniently: a line cut by a crash or a full disk must not make the whole log unreadable.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return List.of();
            }
            String[] parts = text.split("\n", -1);
            int complete = text.endsWith("\n") ? parts.length - 1 : parts.length;
            return List.of(parts).subList(0, complete);
        } catch (IOException e) {
            throw new UncheckedIOException("reading log " + file, e);
        }
    }
}
