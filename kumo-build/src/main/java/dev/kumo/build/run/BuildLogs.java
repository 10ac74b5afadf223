package dev.kumo.build.run;

import dev.kumo.common.files.PrivateDirectories;
import dev.kumo.controller.engine.NamespacedName;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * BuildRuns' logs, one file each under {@code DIR/NAMESPACE/NAME.log}: a running build appends to its file and hands
 * each line to the readers following it; a reader gets the file's last lines, then (following) the new ones until
 * the run ends.
 */
public final class BuildLogs {

    private final Path dir;
    private final Map<NamespacedName, Writer> writing = new HashMap<>();

    public BuildLogs(Path dir) {
        this.dir = dir;
    }

    /** The log file of the run {@code key}. */
    public Path file(NamespacedName key) {
        return dir.resolve(key.namespace()).resolve(key.name() + ".log");
    }

    /** Starts the log of {@code key} afresh (a run that starts again starts a new log). */
    public synchronized Writer start(NamespacedName key) {
        Writer previous = writing.remove(key);
        if (previous != null) {
            previous.endLocked();
        }
        Path file = file(key);
        try {
            PrivateDirectories.create(file.getParent());
            // The owner's only, as every file Kumo writes: a build's output can hold what its arguments held.
            Writer writer = new Writer(key, new BufferedWriter(Channels.newWriter(Files.newByteChannel(file,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    StandardCharsets.UTF_8)));
            writing.put(key, writer);
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("opening the build log " + file, e);
        }
    }

    /** Deletes the log of {@code key}, ending it first if it is being written. */
    public synchronized void delete(NamespacedName key) {
        Writer writer = writing.remove(key);
        if (writer != null) {
            writer.endLocked();
        }
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the build log " + file(key), e);
        }
    }

    /**
     * Sends the last {@code tailLines} lines of {@code key}'s log to {@code lines}; when {@code follow} and the run
     * is still writing, the new lines too; {@code end} runs when no more lines will come. Closing the returned
     * handle stops the lines.
     */
    public synchronized AutoCloseable open(NamespacedName key, int tailLines, boolean follow,
            Consumer<String> lines, Runnable end) {
        Writer writer = writing.get(key);
        if (writer != null) {
            writer.flushLocked();
        }
        for (String line : tail(file(key), tailLines)) {
            lines.accept(line);
        }
        if (!follow || writer == null) {
            end.run();
            return () -> { };
        }
        Reader reader = new Reader(lines, end);
        writer.readers.add(reader);
        return () -> {
            synchronized (BuildLogs.this) {
                writer.readers.remove(reader);
            }
        };
    }

    private static List<String> tail(Path file, int tailLines) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - tailLines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the build log " + file, e);
        }
    }

    private record Reader(Consumer<String> lines, Runnable end) {
    }

    /** One run's log being written. */
    public final class Writer {

        private final NamespacedName key;
        private final BufferedWriter out;
        private final List<Reader> readers = new ArrayList<>();
        private boolean ended;

        private Writer(NamespacedName key, BufferedWriter out) {
            this.key = key;
            this.out = out;
        }

        /** Appends a line and hands it to the readers following. */
        public void line(String text) {
            synchronized (BuildLogs.this) {
                if (ended) {
                    return;
                }
                try {
                    out.write(text);
                    out.newLine();
                    out.flush(); // readers of the file (kubectl logs without -f) see every line written so far
                } catch (IOException e) {
                    throw new UncheckedIOException("writing the build log of " + key, e);
                }
                for (Reader reader : List.copyOf(readers)) {
                    reader.lines().accept(text);
                }
            }
        }

        /** The run ended: the file is closed and the readers following are told. */
        public void end() {
            synchronized (BuildLogs.this) {
                if (writing.get(key) == this) {
                    writing.remove(key);
                }
                endLocked();
            }
        }

        private void flushLocked() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing the build log of " + key, e);
            }
        }

        private void endLocked() {
            if (ended) {
                return;
            }
            ended = true;
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the build log of " + key, e);
            }
            readers.forEach(reader -> reader.end().run());
            readers.clear();
        }
    }
}
