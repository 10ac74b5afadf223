package dev.kumo.build.java;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What kind of Java project a directory holds, by the files at its top (a build file wins over loose sources). */
enum JavaProject {
    MAVEN, GRADLE, SOURCES;

    static Optional<JavaProject> of(Path dir) {
        if (Files.isRegularFile(dir.resolve("pom.xml"))) {
            return Optional.of(MAVEN);
        }
        if (Files.isRegularFile(dir.resolve("build.gradle")) || Files.isRegularFile(dir.resolve("build.gradle.kts"))) {
            return Optional.of(GRADLE);
        }
        return SourceTree.files(dir, ".java").isEmpty() ? Optional.empty() : Optional.of(SOURCES);
    }
}
