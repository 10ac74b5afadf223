package dev.kumo.serving.logs;

import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.LogLine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a reader sees an instance's log lines: only one container's, if asked (a sidecar's lines are tagged
 * {@code [name] } in the instance's log, the tag stripped here; the rest are the serving container's), prefixed
 * {@code revision > instance |} for a Revision's log, and starting with the line's timestamp if asked.
 */
public record LogView(Optional<RevisionLogs.Container> container, boolean prefixed, boolean timestamps) {

    public LogView {
        Objects.requireNonNull(container, "container");
    }

    /** The line as shown, or empty if it is another container's. */
    public Optional<String> show(LogLine line) {
        return text(line.text()).map(text -> prefixed
                ? new LogLine(line.revision(), line.instanceId(), line.at(), text).prefixed() : text)
                .map(text -> timestamps ? line.timestamp() + " " + text : text);
    }

    /** The last {@code tailLines} of {@code lines} as shown, oldest first. */
    public List<String> showLast(List<LogLine> lines, int tailLines) {
        List<String> shown = lines.stream().map(this::show).flatMap(Optional::stream).toList();
        int keep = Math.max(0, tailLines);
        return shown.size() <= keep ? shown : shown.subList(shown.size() - keep, shown.size());
    }

    private Optional<String> text(String text) {
        if (container.isEmpty()) {
            return Optional.of(text);
        }
        RevisionLogs.Container wanted = container.get();
        for (String sidecar : wanted.sidecars()) {
            String tag = "[" + sidecar + "] ";
            if (text.startsWith(tag)) {
                return sidecar.equals(wanted.name()) ? Optional.of(text.substring(tag.length())) : Optional.empty();
            }
        }
        return wanted.serving() ? Optional.of(text) : Optional.empty();
    }
}
