package dev.kumo.runtime.podman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A busybox image for tests, built without any registry: a rootfs of Debian's busybox-static with its applets
 * linked, a static page and a CGI that prints its environment, serving them on $PORT by default ({@link #CMD}),
 * imported into podman's local storage once. The tag
 * is derived from the content, so every test JVM on the host shares one image and a changed fixture gets a new one.
 */
public final class BusyboxImage {

    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private static final List<String> APPLETS = List.of("sh", "httpd", "ls", "cat", "echo", "sleep", "id", "env",
            "head", "dd", "kill", "true", "false", "nc", "wget", "tail");
    private static final Map<String, String> FILES = new TreeMap<>(Map.of(
            "www/index.html", "hello from busybox\n",
            // CRLF after the CGI's header: busybox httpd passes it on as written, and strict clients refuse bare LFs.
            "www/cgi-bin/env", "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\nenv | sort\n",
            "etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n",
            "etc/group", "root:x:0:\nnogroup:x:65534:\n"));
    /** What the image runs unless told otherwise: a static server on $PORT, as a Knative hello image does. */
    public static final String CMD = "[\"/bin/sh\", \"-c\", \"echo serving on port ${PORT:-8080}; "
            + "exec httpd -f -p ${PORT:-8080} -h /www\"]";
    private static String reference;

    private BusyboxImage() {
    }

    /** The image's reference ({@code dev.local/kumo-it-busybox:HASH}), importing it first if podman lacks it. */
    public static synchronized String reference() {
        if (reference == null) {
            String tag = "dev.local/kumo-it-busybox:" + contentHash();
            if (!TestPodman.run(Optional.empty(), "images", "--format", "{{.Repository}}:{{.Tag}}").lines()
                    .anyMatch(tag::equals)) {
                importImage(tag);
            }
            reference = tag;
        }
        return reference;
    }

    private static void importImage(String tag) {
        try {
            Path root = Files.createTempDirectory("kumo-busybox-rootfs");
            Path bin = Files.createDirectories(root.resolve("bin"));
            Files.copy(BUSYBOX, bin.resolve("busybox"));
            for (String applet : APPLETS) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
            Files.createDirectories(root.resolve("tmp"));
            Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Path tar = root.resolveSibling(root.getFileName() + ".tar");
            Process process = new ProcessBuilder("tar", "-C", root.toString(), "-cf", tar.toString(), ".")
                    .inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("tar of the busybox rootfs failed");
            }
            TestPodman.run(Optional.of(tar), "import", "--change", "CMD " + CMD, "-", tag);
        } catch (IOException e) {
            throw new UncheckedIOException("building the busybox test image", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(BUSYBOX));
            digest.update((String.join(",", APPLETS) + CMD).getBytes(StandardCharsets.UTF_8));
            FILES.forEach((name, content) -> digest.update((name + "\0" + content).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + BUSYBOX, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
