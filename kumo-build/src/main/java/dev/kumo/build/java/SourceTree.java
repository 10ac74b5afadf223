package dev.kumo.build.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files of a source tree: listing them (build outputs left out), their content hash, their main classes. */
final class SourceTree {

    /** Directories a build writes or a tool keeps, never sources. */
    private static final Set<String> SKIPPED = Set.of("target", "build", "out", ".git", ".gradle", ".idea", ".mvn");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    // A static main (any Java) or an instance main (JEP 512, Java 25).
    private static final Pattern MAIN = Pattern.compile("\\bvoid\\s+main\\s*\\(\\s*(String\\s*(\\[\\s*]|\\.\\.\\.)\\s*\\w+)?\\s*\\)");

    private SourceTree() {
    }

    /** The regular files under {@code root} (sorted, build output directories skipped) ending with {@code suffix}. */
    static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix))
                    .filter(file -> root.relativize(file).getNameCount() == 1
                            || !SKIPPED.contains(root.relativize(file).getName(0).toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + root, e);
        }
    }

    /** A SHA-256 over each file's path relative to {@code root} and content, and the {@code extra} strings. */
    static String hash(Path root, List<Path> files, String... extra) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String text : extra) {
                digest.update((text + "\0").getBytes(StandardCharsets.UTF_8));
            }
            for (Path file : files) {
                digest.update((root.relativize(file) + "\0").getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("hashing the sources under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classes (by binary name) among {@code sources} that declare a {@code main} method. */
    static List<String> mainClasses(List<Path> sources) {
        return sources.stream().filter(source -> MAIN.matcher(read(source)).find()).map(source -> {
            Matcher pkg = PACKAGE.matcher(read(source));
            String simple = source.getFileName().toString().replaceFirst("\\.java$", "");
            return pkg.find() ? pkg.group(1) + "." + simple : simple;
        }).sorted().toList();
    }

    /** The main class: {@code configured} if set, else the one class with a {@code main} method. */
    static String mainClass(String configured, List<Path> sources) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        List<String> found = mainClasses(sources);
        if (found.size() == 1) {
            return found.getFirst();
        }
        throw new StepFailed("compile", found.isEmpty() ? "MainClassNotFound" : "MainClassAmbiguous", List.of(
                found.isEmpty() ? "no class with a main method among " + sources.size() + " sources"
                        : "several classes with a main method: " + String.join(", ", found),
                "set the build parameter main-class to the class to run"));
    }

    private static String read(Path source) {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }
}
