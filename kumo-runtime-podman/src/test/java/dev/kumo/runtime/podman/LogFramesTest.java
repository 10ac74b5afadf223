package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Podman's multiplexed log frames become lines, however the socket cuts the stream. */
class LogFramesTest {

    private final List<String> lines = new ArrayList<>();
    private final LogFrames frames = new LogFrames(lines::add);

    @Test
    void framesOfBothStreamsBecomeLines() {
        frames.feed(frame(1, "one\n").appendBuffer(frame(2, "two\r\n")));
        assertThat(lines).containsExactly("one", "two");
    }

    @Test
    void chunksSplitAnywhereStillGiveWholeLines() {
        Buffer stream = frame(1, "hel").appendBuffer(frame(1, "lo\nwor")).appendBuffer(frame(1, "ld\n"));
        for (int i = 0; i < stream.length(); i++) {
            frames.feed(stream.getBuffer(i, i + 1));
        }
        assertThat(lines).containsExactly("hello", "world");
    }

    @Test
    void anUnfinishedLineIsGivenAtTheEnd() {
        frames.feed(frame(2, "no newline"));
        assertThat(lines).isEmpty();
        frames.end();
        assertThat(lines).containsExactly("no newline");
    }

    private static Buffer frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer().appendByte((byte) stream).appendBytes(new byte[3]).appendInt(payload.length)
                .appendBytes(payload);
    }
}
