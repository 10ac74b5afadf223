package dev.kumo.cli.func;

import dev.kumo.cli.base.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a function's directory that make it, and Kumo's: all but Kumo's own {@code .func}, {@code .git},
 * environment files ({@code .env}, {@code .env.*}: secrets stay out of builds and images) and symbolic links (never
 * followed: a link could bring in any file of the machine).
 */
final class FunctionFiles {

    /** Directories of a function's directory that are not its sources. */
    static final Set<String> SKIPPED = Set.of(".func", ".git");

    private FunctionFiles() {
    }

    /** The function's files, relative to {@code dir}, sorted. */
    static List<Path> sources(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).map(dir::relativize)
                    .filter(relative -> !SKIPPED.contains(relative.getName(0).toString()))
                    .filter(relative -> !isEnvironmentFile(relative.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new CliException("reading the function's files in " + dir + ": " + e.getMessage());
        }
    }

    private static boolean isEnvironmentFile(String name) {
        return name.equals(".env") || name.startsWith(".env.");
    }

    /**
     * The digest of what a build of the function depends on: its language, template and name, Kumo's invoker and
     * every source file (path and content); the first 16 hex digits of their SHA-256.
     */
    static String digest(Path dir, FuncYaml yaml) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(yaml.language().value(), yaml.kind().value(), yaml.name())) {
                sha.update((part + "\0").getBytes(StandardCharsets.UTF_8));
            }
            sha.update(resource(invokerResource(yaml.language())));
            for (Path source : sources(dir)) {
                sha.update((source.toString().replace('\\', '/') + "\0").getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(dir.resolve(source)));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        } catch (IOException e) {
            throw new CliException("reading the function's files in " + dir + ": " + e.getMessage());
        }
    }

    /** The resource (of this package) holding {@code language}'s invoker. */
    static String invokerResource(Language language) {
        return "invokers/" + language.value() + "/" + language.invoker();
    }

    /** A resource of this package, read whole. */
    static byte[] resource(String name) {
        try (InputStream in = FunctionFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from kumo-cli");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + name, e);
        }
    }

    /** Copies {@code relative} of {@code from} to the same place under {@code to}. */
    static void copy(Path from, Path to, Path relative) throws IOException {
        Path target = to.resolve(relative.toString());
        Files.createDirectories(target.getParent());
        Files.copy(from.resolve(relative), target);
    }

    /** Deletes {@code dir} and everything under it, when it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
