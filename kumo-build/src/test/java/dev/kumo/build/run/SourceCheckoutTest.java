package dev.kumo.build.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.build.spi.BuildOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contextDir is a directory inside the source once its symlinks are resolved. */
class SourceCheckoutTest {

    private static final BuildOutput NO_OUTPUT = new BuildOutput() {
        @Override
        public void step(String name) {
        }

        @Override
        public void line(String text) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    @TempDir
    Path dir;

    private SourceCheckout.Result checkout(Path source, String contextDir) throws InterruptedException {
        BuildSource directory = BuildSource.directory(source);
        return SourceCheckout.checkout(new BuildSource(directory.type(), contextDir, directory.git()),
                dir.resolve("workspace"), NO_OUTPUT);
    }

    @Test
    void aContextDirLinkedOutOfTheSourceIsRefused() throws IOException, InterruptedException {
        Path source = Files.createDirectories(dir.resolve("source"));
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.createSymbolicLink(source.resolve("app"), secrets);

        SourceCheckout.Result result = checkout(source, "app");

        assertThat(result).isInstanceOfSatisfying(SourceCheckout.Result.Failed.class, failed ->
                assertThat(failed.failure().logTail()).containsExactly("the contextDir app is not a directory "
                        + "inside the source " + source));
    }

    @Test
    void aContextDirLinkedWithinTheSourceIsItsTarget() throws IOException, InterruptedException {
        Path source = Files.createDirectories(dir.resolve("source"));
        Path app = Files.createDirectories(source.resolve("modules/app"));
        Files.createSymbolicLink(source.resolve("app"), Path.of("modules/app"));

        SourceCheckout.Result result = checkout(source, "app");

        assertThat(result).isEqualTo(new SourceCheckout.Result.Checkedout(app.toRealPath()));
    }
}
