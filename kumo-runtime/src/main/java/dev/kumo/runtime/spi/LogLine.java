package dev.kumo.runtime.spi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** One line an instance wrote to stdout or stderr, with when Kumo read it. */
public record LogLine(String revision, String instanceId, Instant at, String text) {

    /** The kubelet's {@code --timestamps} form: RFC 3339 in UTC with nine digits of nanoseconds. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSX")
            .withZone(ZoneOffset.UTC);

    public LogLine {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }

    /** The line as {@code kumo service logs} prints it: {@code revision > instance | text}. */
    public String prefixed() {
        return revision + " > " + instanceId + " | " + text;
    }

    /** When the line was written, as {@code kubectl logs --timestamps} shows it. */
    public String timestamp() {
        return TIMESTAMP.format(at);
    }
}
