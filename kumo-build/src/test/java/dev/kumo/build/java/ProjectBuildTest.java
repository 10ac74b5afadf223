package dev.kumo.build.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a project's own build tool is run: the command line it gets. */
class ProjectBuildTest {

    @Test
    void gradleRunsWithoutADaemonSoThatKillingTheBuildKillsIt(@TempDir Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("build.gradle"), "plugins { id 'java' }\n");
        Path args = dir.resolve("args.txt");
        // a wrapper that records how it was called, then fails as a broken build would
        Path wrapper = Files.writeString(project.resolve("gradlew"), "#!/bin/sh\necho \"$@\" >> '" + args
                + "'\nexit 1\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> ProjectBuild.build(ProjectBuild.Tool.GRADLE, project, Map.of(),
                dir.resolve("cache"), new RecordingOutput())).isInstanceOf(StepFailed.class);

        assertThat(Files.readAllLines(args)).isNotEmpty().allSatisfy(line -> assertThat(line.split(" "))
                .contains("--no-daemon", "jar"));
    }
}
