package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.RevisionLogs;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET …/revisions/NAME/log[?follow=true&tailLines=N]} and {@code …/pods/NAME/log}: output as plain text
 * lines, from whatever {@code opener} opens.
 */
final class LogStream implements LineStream {

    private final Function<RevisionLogs.Sink, RevisionLogs.Stream> opener;

    LogStream(RevisionLogs logs, String namespace, String revision, int tailLines, boolean follow) {
        this(sink -> logs.open(namespace, revision, tailLines, follow, sink));
    }

    LogStream(Function<RevisionLogs.Sink, RevisionLogs.Stream> opener) {
        this.opener = opener;
    }

    @Override
    public String contentType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.empty();
    }

    @Override
    public Handle start(Sink sink) {
        RevisionLogs.Stream stream = opener.apply(new RevisionLogs.Sink() {
            @Override
            public void line(String line) {
                sink.line(line);
            }

            @Override
            public void end() {
                sink.end();
            }
        });
        return stream::close;
    }

    @Override
    public String failureLine(ApiException e) {
        return "error: " + e.getMessage();
    }
}
