package dev.kumo.runtime.podman;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one container's output by tailing the log file conmon writes for it (the {@code k8s-file} driver; its
 * path from the container's inspect, {@code HostConfig.LogConfig.Path}), not podman's followed log stream: podman
 * 4.3's stream drops lines of a container that writes fast and may deliver nothing for a while, the file has every
 * line as soon as conmon wrote it. Each line of the file is {@code TIMESTAMP stdout|stderr P|F text}; a {@code P}
 * line is a part of a longer line whose rest follows on the same stream. Lines are handed to the consumer in the
 * file's order on this follower's virtual thread, or on the caller's of {@link #drain} and {@link #end}.
 * A container without a file (another log driver on a user's podman) is followed through the API stream instead.
 */
final class ContainerLogFile {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLogFile.class);
    /** How long the follower waits between looks at an idle file. */
    private static final Duration POLL = Duration.ofMillis(20);
    /**
     * How long {@link #drain} waits for the file's path: asked for when the container was created, it is known by
     * the time a run turns ready; if not, Ready is not held back for it (the follower hands the lines on soon).
     */
    private static final Duration DRAIN_WAIT = Duration.ofMillis(10);
    /** How long {@link #end} waits for the file's path, and for podman's stream of a container without a file. */
    private static final Duration END_WAIT = Duration.ofSeconds(15);
    private static final Duration STREAM_WAIT = Duration.ofSeconds(2);
    private static final int CHUNK = 64 * 1024;

    private final PodmanClient podman;
    private final String container;
    private final Consumer<String> lines;
    private final int lastKept;
    private final Deque<String> last = new ArrayDeque<>();
    private final KubeLogLines parser = new KubeLogLines(this::emit);
    private final CompletableFuture<Optional<Path>> path;
    private final Semaphore wakeup = new Semaphore(0);
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    private volatile boolean ended;
    private boolean finished;
    // The container's directory is gone (removed without an end()): its file is not opened again.
    private boolean removed;
    private FileChannel channel;
    private Object fileKey;
    private CompletableFuture<Void> stream = CompletableFuture.completedFuture(null);

    private ContainerLogFile(PodmanClient podman, String container, CompletableFuture<Optional<Path>> path,
            int lastKept, Consumer<String> lines) {
        this.podman = podman;
        this.container = container;
        this.path = path;
        this.lastKept = Math.max(0, lastKept);
        this.lines = lines;
    }

    /**
     * The log file of a created container (one inspect), empty if its driver writes none or the inspect failed: ask
     * when the container is created, so that the path is known before its start makes anything to read.
     */
    static CompletableFuture<Optional<Path>> pathOf(PodmanClient podman, String container) {
        return podman.inspectContainer(container).thenApply(ContainerLogFile::logPath).exceptionally(e -> {
            LOG.debug("inspecting container {} for its log file: {}", container, e.toString());
            return Optional.empty();
        });
    }

    /**
     * Starts following the started container's output from its first line, in the file {@code path} names
     * ({@link #pathOf}), keeping its last {@code lastKept} lines for a failure report; {@link #end} once it exited.
     */
    static ContainerLogFile follow(PodmanClient podman, String container, CompletableFuture<Optional<Path>> path,
            int lastKept, Consumer<String> lines) {
        ContainerLogFile file = new ContainerLogFile(podman, container, path, lastKept, lines);
        Thread.ofVirtual().name("log-" + container).start(file::run);
        return file;
    }

    /** The log file named in a container's inspect, if its driver writes one. */
    static Optional<Path> logPath(JsonObject inspect) {
        JsonObject logConfig = inspect.getJsonObject("HostConfig", new JsonObject())
                .getJsonObject("LogConfig", new JsonObject());
        String file = logConfig.getString("Path", "");
        return file.isEmpty() || "journald".equals(logConfig.getString("Type")) ? Optional.empty()
                : Optional.of(Path.of(file));
    }

    /** Hands on every line written so far, before returning (as a run becomes ready, its output up to then shows). */
    void drain() {
        if (pathWithin(DRAIN_WAIT).isPresent()) {
            synchronized (this) {
                if (!finished) {
                    readToEnd();
                }
            }
        }
    }

    /**
     * After the container exited: hands on the rest of its output, a last unfinished line included, and stops
     * following. Call before the container is removed (its file goes with it).
     */
    void end() {
        ended = true;
        wakeup.release();
        Optional<Path> file = pathWithin(END_WAIT);
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            if (file.isPresent()) {
                readToEnd();
            } else {
                stream.completeOnTimeout(null, STREAM_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                        .exceptionally(e -> null).join();
            }
            parser.end();
            close();
        }
    }

    /** The last lines of this container's output (at most {@code lastKept}). */
    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }

    private void run() {
        Optional<Path> file = path.join();
        if (file.isEmpty()) {
            synchronized (this) {
                if (!ended) {
                    LOG.debug("container {} has no log file: following podman's log stream", container);
                    stream = podman.logs(container, true, 0, this::emitFromStream);
                }
            }
            return;
        }
        while (!ended) {
            synchronized (this) {
                if (!finished) {
                    readToEnd();
                }
            }
            if (!Files.isDirectory(file.get().getParent())) {
                synchronized (this) {
                    // The container was removed without an end(): nothing more will come, the file is let go.
                    if (!finished) {
                        readToEnd();
                        removed = true;
                        close();
                    }
                }
                return;
            }
            try {
                wakeup.tryAcquire(POLL.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The file's path once the inspect answered, waiting at most {@code wait} (empty if it did not by then). */
    private Optional<Path> pathWithin(Duration wait) {
        try {
            return path.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("the log file of container {} not known within {}: {}", container, wait, e.toString());
            return Optional.empty();
        }
    }

    /** Reads what the file has now; reopens it when conmon replaced it (rotation) and reads the new one too. */
    private void readToEnd() {
        Path file = path.join().orElseThrow();
        if (removed) {
            return;
        }
        try {
            if (channel == null && !open(file)) {
                return;
            }
            readAvailable();
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            if (!Objects.equals(key, fileKey) || channel.size() < channel.position()) {
                readAvailable(); // what was written between the read above and the rename
                close();
                if (open(file)) {
                    readAvailable();
                }
            }
        } catch (NoSuchFileException e) {
            LOG.debug("the log file of container {} is gone", container);
        } catch (IOException e) {
            LOG.warn("reading the log file of container {}: {}", container, e.toString());
        }
    }

    private boolean open(Path file) throws IOException {
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return true;
        } catch (NoSuchFileException e) {
            return false; // conmon has not made it yet
        }
    }

    private void readAvailable() throws IOException {
        while (channel.read(buffer.clear()) > 0) {
            parser.feed(buffer.flip());
        }
    }

    private void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing the log file of container {}: {}", container, e.toString());
            }
            channel = null;
        }
    }

    private synchronized void emitFromStream(String text) {
        emit(text);
    }

    private void emit(String text) {
        if (lastKept > 0) {
            if (last.size() == lastKept) {
                last.removeFirst();
            }
            last.addLast(text);
        }
        lines.accept(text);
    }

    /**
     * Splits the k8s-file format into lines: each {@code TIMESTAMP STREAM TAG text\n}, a {@code P} tag (partial)
     * joined with what follows on its stream up to the next {@code F}. Not thread-safe.
     */
    static final class KubeLogLines {

        private final Consumer<String> lines;
        private final ByteArrayOutputStream record = new ByteArrayOutputStream();
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();

        KubeLogLines(Consumer<String> lines) {
            this.lines = lines;
        }

        /** Feeds the next bytes of the file. */
        void feed(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                byte b = bytes.get();
                if (b == '\n') {
                    record(record.toString(StandardCharsets.UTF_8));
                    record.reset();
                } else {
                    record.write(b);
                }
            }
        }

        /** Emits what is left of unfinished lines, as at the end of the file. */
        void end() {
            if (record.size() > 0) {
                record(record.toString(StandardCharsets.UTF_8));
                record.reset();
            }
            for (StringBuilder partial : List.of(stdout, stderr)) {
                if (!partial.isEmpty()) {
                    lines.accept(partial.toString());
                    partial.setLength(0);
                }
            }
        }

        private void record(String text) {
            int stream = text.indexOf(' ');
            int tag = stream < 0 ? -1 : text.indexOf(' ', stream + 1);
            if (tag < 0) {
                return; // not a record of this format
            }
            int content = text.indexOf(' ', tag + 1);
            String flags = content < 0 ? text.substring(tag + 1) : text.substring(tag + 1, content);
            String part = content < 0 ? "" : text.substring(content + 1);
            StringBuilder line = text.startsWith("stderr", stream + 1) ? stderr : stdout;
            line.append(part);
            if (!flags.startsWith("P")) {
                String whole = line.toString();
                line.setLength(0);
                lines.accept(whole.endsWith("\r") ? whole.substring(0, whole.length() - 1) : whole);
            }
        }
    }
}
