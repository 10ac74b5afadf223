package dev.kumo.build.java;

import dev.kumo.build.spi.BuildOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The base of every Java image: a JRE linked with jlink from the JDK Kumo runs on, and what it needs from the host to
 * run in an empty root file system (glibc's loader and libraries, {@code /etc/passwd}, {@code /tmp}). Made once per
 * JDK and module set into a shared directory, so later builds (of any Build) do not link again.
 *
 * @param system the root file system's files but the JRE ({@code lib…}, {@code etc}, {@code tmp})
 * @param jre the linked JRE, {@link #JAVA_HOME} in the image
 */
record JreBase(Path system, Path jre) {

    static final String JAVA_HOME = "/opt/java";
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/"
            + "bin/false\n";
    private static final Map<Path, Object> LINKING = new ConcurrentHashMap<>();
    private static final String GROUP = "root:x:0:\nnogroup:x:65534:\n";

    /** The base for {@code modules} from the cache under {@code baseCache}, linking it first if it is not there. */
    static JreBase of(SortedSet<String> modules, Path baseCache, BuildOutput output)
            throws InterruptedException {
        String key = key(modules);
        Path dir = baseCache.resolve("jre-" + key.substring(0, 16));
        Path stamp = baseCache.resolve("jre-" + key.substring(0, 16) + ".sha256");
        JreBase base = new JreBase(dir.resolve("system"), dir.resolve("jre"));
        // One link per base at a time: a second build waits for it rather than replacing a base in use.
        synchronized (LINKING.computeIfAbsent(dir.toAbsolutePath().normalize(), path -> new Object())) {
            if (Directories.stamp(stamp).filter(key::equals).isPresent()) {
                output.line("JRE " + Runtime.version() + " with " + String.join(",", modules) + ": cached in " + dir);
                return base;
            }
            long started = System.nanoTime();
            Directories.replace(dir, stamp, key, scratch -> {
                link(modules, scratch.resolve("jre"), output);
                addHostFiles(scratch.resolve("jre"), scratch.resolve("system"), output);
            });
            output.line("JRE linked in " + (System.nanoTime() - started) / 1_000_000 + " ms into " + dir);
            return base;
        }
    }

    private static void link(SortedSet<String> modules, Path into, BuildOutput output) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new StepFailed("base", "JdkMissing",
                List.of("Kumo runs on a JRE without jlink (" + System.getProperty("java.home")
                        + "): run it on a JDK 21 or later")));
        List<String> args = List.of("--add-modules", String.join(",", modules), "--output", into.toString(),
                "--strip-java-debug-attributes", "--no-man-pages", "--no-header-files", "--generate-cds-archive");
        output.line("jlink " + String.join(" ", args));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(log, true, StandardCharsets.UTF_8);
        int exit = jlink.run(printer, printer, args.toArray(String[]::new));
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        lines.forEach(output::line);
        if (exit != 0) {
            throw new StepFailed("base", "JlinkFailed", lines.subList(Math.max(0, lines.size()
                    - ChildProcess.TAIL_LINES), lines.size()));
        }
    }

    private static void addHostFiles(Path jre, Path system, BuildOutput output) {
        try {
            // Debian's JDKs link cacerts to /etc/ssl: the image gets the file itself.
            Path cacerts = jre.resolve("lib/security/cacerts");
            if (Files.isSymbolicLink(cacerts)) {
                Path target = cacerts.toRealPath();
                Files.delete(cacerts);
                Files.copy(target, cacerts);
            }
            List<Path> binaries;
            try (Stream<Path> files = Files.walk(jre)) {
                binaries = files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                        .filter(file -> file.getFileName().toString().endsWith(".so")
                                || file.getParent().getFileName().toString().equals("bin"))
                        .sorted().toList();
            }
            List<Path> libraries = HostLibraries.of(jre, binaries);
            for (Path library : libraries) {
                Path copy = system.resolve(library.toString().substring(1));
                Files.createDirectories(copy.getParent());
                Files.copy(library, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
            output.line("host libraries: " + libraries.stream().map(Path::toString).toList());
            Files.createDirectories(system.resolve("etc"));
            Files.writeString(system.resolve("etc/passwd"), PASSWD);
            Files.writeString(system.resolve("etc/group"), GROUP);
            Files.createDirectories(system.resolve("tmp"));
            Files.setPosixFilePermissions(system.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException("adding the host's files to the JRE base in " + system, e);
        }
    }

    private static String key(SortedSet<String> modules) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String identity = Runtime.version() + "\0" + System.getProperty("java.home") + "\0"
                    + System.getProperty("os.arch") + "\0" + String.join(",", modules);
            return HexFormat.of().formatHex(digest.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
