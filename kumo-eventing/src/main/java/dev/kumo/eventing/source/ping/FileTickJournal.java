package dev.kumo.eventing.source.ping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A {@link TickJournal} of one small file per source, replaced atomically (write, fsync, rename, fsync dir). */
public final class FileTickJournal implements TickJournal {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Path dir;

    public FileTickJournal(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the PingSource journal " + dir, e);
        }
    }

    @Override
    public Optional<Instant> firedUpTo(String sourceId) {
        try {
            String text = Files.readString(file(sourceId), StandardCharsets.US_ASCII).strip();
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("reading the PingSource journal " + file(sourceId) + ": " + e, e);
        }
    }

    @Override
    public void record(String sourceId, Instant tick) {
        Path target = file(sourceId);
        Path temp = dir.resolve(sourceId + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")))) {
                channel.write(ByteBuffer.wrap(Long.toString(tick.toEpochMilli()).getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("recording tick " + tick + " of PingSource " + sourceId, e);
        }
    }

    @Override
    public void forget(String sourceId) {
        try {
            Files.deleteIfExists(file(sourceId));
        } catch (IOException e) {
            throw new UncheckedIOException("forgetting PingSource " + sourceId, e);
        }
    }

    private Path file(String sourceId) {
        if (!SAFE_ID.matcher(sourceId).matches()) {
            throw new IllegalArgumentException("PingSource id \"" + sourceId + "\" is not a uid");
        }
        return dir.resolve(sourceId);
    }
}
