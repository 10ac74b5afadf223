package dev.kumo.build.func;

import dev.kumo.build.java.Directories;
import dev.kumo.build.java.HostLibraries;
import dev.kumo.build.spi.BuildOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The base of a Python or Node image, assembled as the Java strategy assembles its JRE base: the host's interpreter,
 * its standard library (less what {@link BaseContents} skips) and the shared libraries {@code ldd} finds for them,
 * each at its host path, with {@code /etc/passwd} and {@code /tmp}. Made once per interpreter (path, version) into a
 * shared directory, so later builds do not assemble it again.
 *
 * @param root the root file system of the base
 * @param interpreter the interpreter it holds
 */
record InterpreterBase(Path root, Interpreter interpreter) {

    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/"
            + "bin/false\n";
    private static final String GROUP = "root:x:0:\nnogroup:x:65534:\n";
    private static final Map<Path, Object> ASSEMBLING = new ConcurrentHashMap<>();

    /** The base for {@code interpreter} from {@code baseCache}, assembling it first if it is not there. */
    static InterpreterBase of(Interpreter interpreter, Path baseCache, BuildOutput output)
            throws InterruptedException {
        String key = key(interpreter);
        String name = interpreter.language() + "-" + interpreter.version() + "-" + key.substring(0, 12);
        Path dir = baseCache.resolve(name);
        Path stamp = baseCache.resolve(name + ".sha256");
        InterpreterBase base = new InterpreterBase(dir, interpreter);
        // One assembly per base at a time: a second build waits for it rather than replacing a base in use.
        synchronized (ASSEMBLING.computeIfAbsent(dir.toAbsolutePath().normalize(), path -> new Object())) {
            if (Directories.stamp(stamp).filter(key::equals).isPresent()) {
                output.line(interpreter.language() + " " + interpreter.version() + " (" + interpreter.executable()
                        + "): cached in " + dir);
                return base;
            }
            long started = System.nanoTime();
            Directories.replace(dir, stamp, key, scratch -> assemble(interpreter, scratch, output));
            output.line("base assembled in " + (System.nanoTime() - started) / 1_000_000 + " ms into " + dir);
            return base;
        }
    }

    private static void assemble(Interpreter interpreter, Path root, BuildOutput output) {
        try {
            List<Path> binaries = new ArrayList<>();
            Path executable = interpreter.executable();
            copy(executable, root);
            binaries.add(executable);
            output.line("interpreter " + executable + " (" + interpreter.version() + ")");
            if (interpreter.stdlib().isPresent()) {
                Path stdlib = interpreter.stdlib().get();
                int files = copyStdlib(stdlib, root, binaries);
                output.line("standard library " + stdlib + ": " + files + " files");
            }
            // What the originals load, but what the stdlib (copied already) holds.
            List<Path> libraries = HostLibraries.of(interpreter.stdlib().orElse(executable), binaries);
            for (Path library : libraries) {
                copy(library, root);
            }
            output.line("host libraries: " + libraries.stream().map(Path::toString).toList());
            Files.createDirectories(root.resolve("etc"));
            Files.writeString(root.resolve("etc/passwd"), PASSWD);
            Files.writeString(root.resolve("etc/group"), GROUP);
            Files.createDirectories(root.resolve("tmp"));
            Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException("assembling the " + interpreter.language() + " base in " + root, e);
        }
    }

    // The stdlib's files the base keeps, symbolic links copied as the files they name (dangling ones left out).
    private static int copyStdlib(Path stdlib, Path root, List<Path> binaries) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(stdlib)) {
            files = walk.filter(path -> BaseContents.keeps(stdlib.relativize(path)))
                    .filter(path -> Files.isRegularFile(path)).sorted().toList();
        }
        for (Path file : files) {
            copy(file, root);
            if (file.getFileName().toString().endsWith(".so")) {
                binaries.add(file);
            }
        }
        return files.size();
    }

    // Copies the host's file (what a symbolic link names) to the same absolute path under root.
    private static void copy(Path file, Path root) throws IOException {
        Path copy = root.resolve(file.toAbsolutePath().toString().substring(1));
        Files.createDirectories(copy.getParent());
        if (!Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static String key(Interpreter interpreter) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String identity = interpreter.language() + "\0" + interpreter.executable() + "\0" + interpreter.version()
                    + "\0" + interpreter.stdlib().map(Path::toString).orElse("") + "\0"
                    + System.getProperty("os.arch");
            return HexFormat.of().formatHex(digest.digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
