package dev.kumo.build.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.controller.engine.NamespacedName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildLogsTest {

    private static final NamespacedName RUN = new NamespacedName("default", "hello-1");

    @TempDir
    Path dir;

    @Test
    void aFollowerGetsTheTailThenNewLinesThenTheEnd() throws Exception {
        BuildLogs logs = new BuildLogs(dir);
        BuildLogs.Writer writer = logs.start(RUN);
        writer.line("one");
        writer.line("two");
        writer.line("three");
        List<String> lines = new ArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();

        AutoCloseable handle = logs.open(RUN, 2, true, lines::add, () -> ended.set(true));
        assertThat(lines).containsExactly("two", "three");
        assertThat(ended).isFalse();
        writer.line("four");
        writer.end();

        assertThat(lines).containsExactly("two", "three", "four");
        assertThat(ended).isTrue();
        assertThat(Files.readAllLines(logs.file(RUN))).containsExactly("one", "two", "three", "four");
        handle.close();
    }

    @Test
    void aLogIsItsOwnersOnlyAsEveryFileKumoWrites() throws Exception {
        BuildLogs logs = new BuildLogs(dir);
        BuildLogs.Writer writer = logs.start(RUN);
        writer.line("--build-arg TOKEN=secret");
        writer.end();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs.file(RUN))))
                .isEqualTo("rw-------");
        assertThat(Files.readAllLines(logs.file(RUN))).containsExactly("--build-arg TOKEN=secret");
    }

    @Test
    void anEndedLogIsReadWholeAndEndsAtOnceEvenWhenFollowed() throws Exception {
        BuildLogs logs = new BuildLogs(dir);
        BuildLogs.Writer writer = logs.start(RUN);
        writer.line("only");
        writer.end();
        List<String> lines = new ArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();

        logs.open(RUN, 100, true, lines::add, () -> ended.set(true)).close();

        assertThat(lines).containsExactly("only");
        assertThat(ended).isTrue();
    }

    @Test
    void deletingARunsLogRemovesTheFileAndEndsItsFollowers() throws Exception {
        BuildLogs logs = new BuildLogs(dir);
        logs.start(RUN).line("x");
        AtomicBoolean ended = new AtomicBoolean();
        logs.open(RUN, 10, true, line -> { }, () -> ended.set(true));

        logs.delete(RUN);

        assertThat(ended).isTrue();
        assertThat(logs.file(RUN)).doesNotExist();
    }
}
