package dev.kumo.runtime.spi;

import java.util.Objects;

/** One line an instance wrote to stdout or stderr. */
public record LogLine(String revision, String instanceId, String text) {

    public LogLine {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(text, "text");
    }

    /** The line as {@code kumo service logs} prints it: {@code revision > instance | text}. */
    public String prefixed() {
        return revision + " > " + instanceId + " | " + text;
    }
}
