package dev.kumo.cli.func;

import dev.kumo.cli.base.CliException;
import dev.kumo.cli.session.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kumo func run}: runs the function here as a host process (no image) until Ctrl-C, building it again and
 * restarting it each time one of its files changes (javac first for Java).
 */
@Command(name = "run", description = "Run the function here as a host process, reloading it when a file changes.")
public final class FuncRunCommand implements Callable<Integer> {

    /** How long a burst of file changes (an editor's save) is gathered before one reload. */
    private static final long QUIET_MILLIS = 50;

    @Mixin
    FunctionPath path = new FunctionPath();

    // Not knative func's 8080: Kumo's router listens there.
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "The port on 127.0.0.1 to "
            + "listen on (default: a free one, printed; func invoke finds it).")
    int port;

    private final Session session;

    public FuncRunCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        Path dir = path.dir();
        FuncYaml yaml = FuncYaml.read(dir);
        Files.createDirectories(dir.resolve(".func"));
        try (LocalRun run = new LocalRun(dir, port == 0 ? freePort() : free(port), session.out());
                WatchService watcher = FileSystems.getDefault().newWatchService()) {
            Thread hook = new Thread(run::close);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                run.reload();
                progress("Function " + yaml.name() + " running at " + run.url() + " (reloads when a file changes; "
                        + "Ctrl-C stops it)");
                watch(dir, watcher, run);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it stops the function
                }
            }
        }
        return 0;
    }

    /** Reloads after each burst of changes, until interrupted. */
    private void watch(Path dir, WatchService watcher, LocalRun run) throws IOException, InterruptedException {
        register(dir, watcher);
        while (true) {
            Path changed = changed(watcher.take());
            for (WatchKey more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
                    more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                Path also = changed(more);
                changed = also != null ? also : changed;
            }
            if (changed == null) {
                continue;
            }
            progress("Reloading: " + changed + " changed");
            try {
                run.reload();
                progress("Function reloaded at " + run.url());
            } catch (CliException e) {
                progress("Reload failed, the function runs as before: " + e.getMessage());
            }
            register(dir, watcher);
        }
    }

    /**
     * The last changed file a key reports that is the function's (not under .func or .git), or null; resets the key.
     * The last, as an editor's save often writes a temporary file and then renames it to the one edited.
     */
    private static Path changed(WatchKey key) {
        Path found = null;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name && !FunctionFiles.SKIPPED.contains(name.toString())) {
                found = ((Path) key.watchable()).resolve(name);
            }
        }
        key.reset();
        return found;
    }

    /** Watches every directory of the function (registering one twice is harmless). */
    private static void register(Path dir, WatchService watcher) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path each : walk.filter(Files::isDirectory).toList()) {
                Path relative = dir.relativize(each);
                if (relative.toString().isEmpty() || !FunctionFiles.SKIPPED.contains(relative.getName(0).toString())) {
                    each.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                }
            }
        }
    }

    private void progress(String line) {
        session.err().println(line);
        session.err().flush();
    }

    /** {@code port}, when nothing listens on it: else the function's readiness would be another program's. */
    private static int free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new CliException("port " + port + " on 127.0.0.1 is taken: " + e.getMessage(),
                    "Choose another with --port, or leave it out to take a free one.");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
