package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** conmon's k8s-file records → lines: partial records joined per stream, records split across reads. */
class KubeLogLinesTest {

    private static final String T = "2026-12-06T07:16:58.906514209+00:00 ";

    private final List<String> lines = new ArrayList<>();
    private final ContainerLogFile.KubeLogLines parser = new ContainerLogFile.KubeLogLines(lines::add);

    @Test
    void fullRecordsAreLinesAndAnEmptyLineStays() {
        feed(T + "stdout F hello\n" + T + "stdout F \n" + T + "stderr F oops\r\n");

        assertThat(lines).containsExactly("hello", "", "oops");
    }

    @Test
    void partialRecordsJoinPerStreamUpToTheFullOne() {
        feed(T + "stdout P abc\n" + T + "stderr F err\n" + T + "stdout P def\n" + T + "stdout F ghi\n");

        assertThat(lines).containsExactly("err", "abcdefghi");
    }

    @Test
    void aRecordSplitAcrossReadsIsOneLine() {
        String record = T + "stdout F split here\n";
        feed(record.substring(0, 20));
        assertThat(lines).isEmpty();
        feed(record.substring(20));

        assertThat(lines).containsExactly("split here");
    }

    @Test
    void anUnfinishedLineIsEmittedAtTheEnd() {
        feed(T + "stdout P no newline at exit\n");
        assertThat(lines).isEmpty();
        parser.end();

        assertThat(lines).containsExactly("no newline at exit");
    }

    private void feed(String text) {
        parser.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
}
