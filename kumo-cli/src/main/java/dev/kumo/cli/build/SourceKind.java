package dev.kumo.cli.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which built-in strategy builds a directory, by what it holds: a Containerfile or Dockerfile → {@code buildah};
 * a pom.xml, build.gradle(.kts) or .java sources → {@code java}.
 */
public final class SourceKind {

    public static final String BUILDAH = "buildah";
    public static final String JAVA = "java";
    private static final List<String> CONTAINERFILES = List.of("Containerfile", "Dockerfile");
    private static final List<String> JAVA_PROJECTS = List.of("pom.xml", "build.gradle", "build.gradle.kts");

    private SourceKind() {
    }

    /** The strategy for {@code dir}, if one builds what it holds. */
    public static Optional<String> strategyFor(Path dir) {
        if (CONTAINERFILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
            return Optional.of(BUILDAH);
        }
        if (JAVA_PROJECTS.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f))) || hasJavaSources(dir)) {
            return Optional.of(JAVA);
        }
        return Optional.empty();
    }

    private static boolean hasJavaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 8)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && Files.isRegularFile(f));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + dir, e);
        }
    }
}
