package dev.kumo.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (the distribution registry) serving on
 * 127.0.0.1 at a port it picks, its storage in a directory of the test's, started as a child and stopped by its
 * PID. Images are pushed to it with {@code skopeo copy} from an {@link OciLayout} built in the test, so no
 * container engine is needed. Plain HTTP, no auth: Debian's registry only takes bcrypt htpasswd files, which
 * nothing on the classpath writes.
 */
public final class LocalRegistry implements AutoCloseable {

    public static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    public static final Path SKOPEO = Path.of("/usr/bin/skopeo");

    private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path dir;
    private final String host;

    private LocalRegistry(Process process, Path dir, String host) {
        this.process = process;
        this.dir = dir;
        this.host = host;
    }

    /** Whether this machine has the registry and skopeo; when not, the reason (what to install). */
    public static java.util.Optional<String> missing() {
        if (!Files.isExecutable(REGISTRY)) {
            return java.util.Optional.of(REGISTRY + " is missing: apt-get install docker-registry");
        }
        if (!Files.isExecutable(SKOPEO)) {
            return java.util.Optional.of(SKOPEO + " is missing: apt-get install skopeo");
        }
        return java.util.Optional.empty();
    }

    /**
     * Skips the calling test, saying what to install, where this machine lacks the registry or skopeo; under
     * {@code CI=true} (whose setup installs both) fails it instead.
     */
    public static void assumeInstalled() {
        java.util.Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing.get());
        }
        System.out.println("skipped, no local registry: " + missing.get());
        org.junit.jupiter.api.Assumptions.abort(missing.get());
    }

    /** Starts a registry keeping its config, log and storage under {@code dir}; returns once it listens. */
    public static LocalRegistry start(Path dir) {
        try {
            Files.createDirectories(dir.resolve("storage"));
            Path config = dir.resolve("config.yml");
            Files.writeString(config, String.join("\n",
                    "version: 0.1",
                    "log:",
                    "  level: info",
                    "  accesslog:",
                    "    disabled: true",
                    "storage:",
                    "  filesystem:",
                    "    rootdirectory: " + dir.resolve("storage"),
                    "  delete:",
                    "    enabled: true",
                    "http:",
                    "  addr: 127.0.0.1:0",
                    "  secret: kumo-test-" + ProcessHandle.current().pid(),
                    ""));
            Path log = dir.resolve("registry.log");
            Process process = new ProcessBuilder(REGISTRY.toString(), "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                Matcher matcher = LISTENING.matcher(Files.readString(log));
                if (matcher.find() && accepts(matcher.group(1))) {
                    // It logs its address a moment before it accepts there: a push then was refused.
                    return new LocalRegistry(process, dir, matcher.group(1));
                }
                // The registry says where it listens only in its log: look again shortly.
                process.waitFor(20, TimeUnit.MILLISECONDS);
            }
            process.destroyForcibly();
            throw new IllegalStateException("docker-registry did not start listening within " + START_TIMEOUT
                    + ": " + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("starting docker-registry in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean accepts(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where it listens: {@code 127.0.0.1:PORT}, the registry part of its images' names. */
    public String host() {
        return host;
    }

    /** The registry's PID, to stop it by. */
    public long pid() {
        return process.pid();
    }

    /**
     * Pushes a one-layer image whose file holds {@code content} as {@code repository:tag} (moving the tag if it
     * was there) and returns the digest the registry stores its manifest under ({@code sha256:…}).
     */
    public String push(String repository, String tag, String content) {
        try {
            Path layout = Files.createTempDirectory(dir, "oci-");
            OciLayout.write(layout, tag, "hello", content);
            Path digestFile = layout.resolve("pushed-digest");
            run(List.of(SKOPEO.toString(), "--insecure-policy", "copy", "--quiet", "--dest-tls-verify=false",
                    "--digestfile", digestFile.toString(), "oci:" + layout + ":" + tag,
                    "docker://" + host + "/" + repository + ":" + tag));
            return Files.readString(digestFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("pushing " + repository + ":" + tag, e);
        }
    }

    /**
     * Copies {@code localImage} from podman's storage (as root: {@code /var/lib/containers}) to the registry as
     * {@code repository:tag} (moving the tag if it was there); returns the digest the registry stores its manifest
     * under ({@code sha256:…}), what {@code skopeo inspect} shows.
     */
    public String copy(String localImage, String repository, String tag) {
        try {
            Path digestFile = Files.createTempFile(dir, "copied-", ".digest");
            run(List.of(SKOPEO.toString(), "--insecure-policy", "copy", "--quiet", "--dest-tls-verify=false",
                    "--digestfile", digestFile.toString(), "containers-storage:" + localImage,
                    "docker://" + host + "/" + repository + ":" + tag));
            return Files.readString(digestFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + localImage + " to " + repository + ":" + tag, e);
        }
    }

    /** The digest the registry holds {@code repository:tag} under now ({@code sha256:…}), by {@code skopeo inspect}. */
    public String digest(String repository, String tag) {
        try {
            return run(List.of(SKOPEO.toString(), "inspect", "--tls-verify=false", "--format", "{{.Digest}}",
                    "docker://" + host + "/" + repository + ":" + tag)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("inspecting " + repository + ":" + tag, e);
        }
    }

    /** Runs skopeo; its output (stdout and stderr). */
    private String run(List<String> command) throws IOException {
        Path output = Files.createTempFile(dir, "skopeo-", ".log");
        Process skopeo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            if (!skopeo.waitFor(PUSH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                skopeo.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + ": no end within " + PUSH_TIMEOUT);
            }
        } catch (InterruptedException e) {
            skopeo.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (skopeo.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + skopeo.exitValue() + ": "
                    + Files.readString(output));
        }
        return Files.readString(output);
    }

    /** Stops the registry (SIGTERM, then SIGKILL) by its PID; its storage stays in the test's directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
