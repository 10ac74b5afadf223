package dev.kumo.build.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    @Test
    void completeFillReplacesTheDirectoryAndStampsItAFailedOneLeavesTheOldAndNoScratch(@TempDir Path dir)
            throws Exception {
        Path target = dir.resolve("classes");
        Path stamp = dir.resolve("classes.sha256");

        Directories.replace(target, stamp, "one", scratch -> HelloApp.write(scratch.resolve("A.class"), "a"));
        assertThatThrownBy(() -> Directories.replace(target, stamp, "two", scratch -> {
            HelloApp.write(scratch.resolve("B.class"), "b");
            throw new StepFailed("compile", "CompileFailed", java.util.List.of("B.java:1: error: nope"));
        })).isInstanceOf(StepFailed.class);

        assertThat(Directories.stamp(stamp)).contains("one");
        assertThat(target.resolve("A.class")).hasContent("a");
        try (var children = Files.list(dir)) {
            assertThat(children.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("classes",
                    "classes.sha256");
        }
    }
}
