package dev.kumo.runtime.podman;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits podman's multiplexed log stream into lines: frames of an 8-byte header (stream 1 = stdout, 2 = stderr,
 * three zero bytes, the payload's length as a big-endian int) and a payload whose lines may span frames. Chunks from
 * the socket need not align with frames. Not thread-safe: fed by one stream.
 */
final class LogFrames {

    private static final int HEADER = 8;

    private final Consumer<String> lines;
    private final ByteArrayOutputStream[] partial = {new ByteArrayOutputStream(), new ByteArrayOutputStream(),
            new ByteArrayOutputStream()};
    private Buffer pending = Buffer.buffer();

    LogFrames(Consumer<String> lines) {
        this.lines = lines;
    }

    /** Feeds the next chunk as it came from the socket. */
    void feed(Buffer chunk) {
        pending.appendBuffer(chunk);
        int at = 0;
        while (pending.length() - at >= HEADER) {
            int stream = pending.getUnsignedByte(at);
            int length = pending.getInt(at + 4);
            if (pending.length() - at - HEADER < length) {
                break;
            }
            payload(stream > 2 ? 1 : stream, pending.getBytes(at + HEADER, at + HEADER + length));
            at += HEADER + length;
        }
        pending = pending.getBuffer(at, pending.length());
    }

    /** Emits what is left of unfinished lines, as at the end of the stream. */
    void end() {
        for (ByteArrayOutputStream line : partial) {
            if (line.size() > 0) {
                emit(line);
            }
        }
    }

    private void payload(int stream, byte[] bytes) {
        ByteArrayOutputStream line = partial[stream];
        for (byte b : bytes) {
            if (b == '\n') {
                emit(line);
            } else {
                line.write(b);
            }
        }
    }

    private void emit(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
