package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.support.FollowedLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one instance in {@code output.log} and, once that passes the size limit, {@code output.log.1}: at
 * most two files of {@code maxBytes} each. Followers are called on the writing thread and must not block.
 */
final class RotatingLog extends FollowedLog {

    private static final Logger LOG = LoggerFactory.getLogger(RotatingLog.class);

    private final Path current;
    private final Path previous;
    private final long maxBytes;
    private OutputStream out;
    private long size;

    RotatingLog(Path dir, long maxBytes, String revision, String instanceId) {
        super(revision, instanceId);
        this.current = dir.resolve("output.log");
        this.previous = dir.resolve("output.log.1");
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            this.out = open();
            this.size = Files.size(current);
        } catch (IOException e) {
            throw new UncheckedIOException("opening the log of instance " + instanceId + " in " + dir, e);
        }
    }

    /** Appends one line (without its newline) and hands it to the followers. */
    synchronized void append(String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            LOG.warn("cannot write the log of instance {}: {}", instanceId, e.toString());
        }
        publish(text);
    }

    @Override
    public synchronized List<LogLine> tail(int lines) {
        Deque<String> last = new ArrayDeque<>();
        if (lines > 0) {
            for (Path file : List.of(previous, current)) {
                for (String text : readLines(file)) {
                    if (last.size() == lines) {
                        last.removeFirst();
                    }
                    last.addLast(text);
                }
            }
        }
        List<LogLine> result = new ArrayList<>(last.size());
        last.forEach(text -> result.add(new LogLine(revision, instanceId, text)));
        return result;
    }

    /** Closes the file; later lines are dropped. */
    synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("cannot close the log of instance {}: {}", instanceId, e.toString());
        }
    }

    private void rotate() throws IOException {
        out.close();
        Files.move(current, previous, StandardCopyOption.REPLACE_EXISTING);
        out = open();
        size = 0;
    }

    /** Opens the current file for appending; a new one is the owner's only (mode 600), as its output may hold secrets. */
    private OutputStream open() throws IOException {
        return Channels.newOutputStream(Files.newByteChannel(current, Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))));
    }

    private static List<String> readLines(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return List.of();
            }
            String[] parts = text.split("\n", -1);
            int complete = text.endsWith("\n") ? parts.length - 1 : parts.length;
            return Arrays.asList(parts).subList(0, complete);
        } catch (IOException e) {
            throw new UncheckedIOException("reading log " + file, e);
        }
    }
}
