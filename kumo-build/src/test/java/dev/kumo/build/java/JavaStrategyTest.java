package dev.kumo.build.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.build.images.ImageLoader;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java strategy's choices that need no image storage: what it detects, main classes, failures before images. */
class JavaStrategyTest {

    /** Local storage that is never reached: these builds fail or stop before their image. */
    private static final ImageLoader NO_STORAGE = new ImageLoader() {
        @Override
        public Optional<String> imageId(String reference) {
            throw new AssertionError("no image expected");
        }

        @Override
        public Optional<String> digest(String reference) {
            throw new AssertionError("no image expected");
        }

        @Override
        public List<String> load(Path archive) {
            throw new AssertionError("no image expected");
        }
    };
    private final JavaStrategy strategy = new JavaStrategy(NO_STORAGE);

    @Test
    void detectsMavenGradleAndLooseSourcesButNotOtherDirectories(@TempDir Path dir) {
        HelloApp.write(dir.resolve("maven/pom.xml"), "<project/>");
        HelloApp.write(dir.resolve("gradle/build.gradle.kts"), "");
        HelloApp.write(dir.resolve("sources"), "", "hi");
        HelloApp.write(dir.resolve("python/main.py"), "print('hi')");
        HelloApp.write(dir.resolve("only-target/target/Generated.java"), "class Generated {}");

        assertThat(strategy.name()).isEqualTo("java");
        assertThat(JavaProject.of(dir.resolve("maven"))).contains(JavaProject.MAVEN);
        assertThat(JavaProject.of(dir.resolve("gradle"))).contains(JavaProject.GRADLE);
        assertThat(JavaProject.of(dir.resolve("sources"))).contains(JavaProject.SOURCES);
        assertThat(strategy.detects(dir.resolve("python"))).isFalse();
        assertThat(strategy.detects(dir.resolve("only-target"))).isFalse();
    }

    @Test
    void findsTheMainClassByItsPackageAndTakesTheParameterOverSeveral(@TempDir Path dir) {
        HelloApp.write(dir, "", "hi");
        HelloApp.write(dir.resolve("Tool.java"), "class Tool {\n    void main() {\n    }\n}\n");
        List<Path> sources = SourceTree.files(dir, ".java");

        assertThat(SourceTree.mainClasses(sources)).containsExactly("Tool", "demo.Hello");
        assertThat(SourceTree.mainClass("demo.Hello", sources)).isEqualTo("demo.Hello");
    }

    @Test
    void severalMainClassesWithoutTheParameterFailNamingThem(@TempDir Path dir) throws Exception {
        HelloApp.write(dir, "", "hi");
        HelloApp.write(dir.resolve("Tool.java"), "class Tool {\n    public static void main(String[] args) {}\n}\n");
        RecordingOutput output = new RecordingOutput();

        BuildOutcome outcome = strategy.build(new BuildRequest(dir, "localhost/x:1", Map.of(),
                dir.resolve("cache")), output);

        assertThat(outcome).isEqualTo(new BuildOutcome.Failed("compile", "MainClassAmbiguous", List.of(
                "several classes with a main method: Tool, demo.Hello",
                "set the build parameter main-class to the class to run")));
    }

    @Test
    void cancelledRunStopsAfterItsStepWithoutLinking(@TempDir Path dir) throws Exception {
        HelloApp.write(dir.resolve("src"), "", "hi");
        RecordingOutput output = new RecordingOutput();
        output.cancelled = true;

        BuildOutcome outcome = new JavaStrategy(NO_STORAGE, dir.resolve("bases")).build(new BuildRequest(
                dir.resolve("src"), "localhost/x:1", Map.of(), dir.resolve("cache")), output);

        assertThat(outcome).isEqualTo(new BuildOutcome.Cancelled());
        assertThat(output.steps).containsExactly("compile");
        assertThat(output.lines).anyMatch(line -> line.startsWith("compile: javac 2 files"));
        assertThat(dir.resolve("bases")).doesNotExist();
    }

    @Test
    void gradleProjectWithoutGradleFailsNamingWhatIsMissing(@TempDir Path dir) throws Exception {
        HelloApp.write(dir.resolve("build.gradle"), "plugins { id 'java' }\n");
        org.junit.jupiter.api.Assumptions.assumeTrue(ProjectBuild.onPath("gradle").isEmpty(),
                "gradle is installed here: the missing-tool path cannot be shown");

        BuildOutcome outcome = strategy.build(new BuildRequest(dir, "localhost/x:1", Map.of(),
                dir.resolve("cache")), new RecordingOutput());

        assertThat(outcome).isInstanceOf(BuildOutcome.Failed.class);
        BuildOutcome.Failed failed = (BuildOutcome.Failed) outcome;
        assertThat(failed.step()).isEqualTo("compile");
        assertThat(failed.reason()).isEqualTo("GradleMissing");
        assertThat(failed.logTail().getFirst()).contains("./gradlew").contains("gradle on PATH");
    }

    @Test
    void entrypointRunsKumosJreWithContainerFlagsAndExtraModulesJoinTheFixedSet() {
        AppLayout app = new AppLayout(List.of(), "/app/classes", "demo.Hello");

        assertThat(JibImage.entrypoint(app)).containsExactly("/opt/java/bin/java", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:MaxRAMPercentage=75", "-cp", "/app/classes",
                "demo.Hello");
        assertThat(JavaStrategy.modules(Map.of("modules", "java.desktop, jdk.jfr"))).contains("java.base",
                "jdk.httpserver", "java.desktop", "jdk.jfr");
    }
}
