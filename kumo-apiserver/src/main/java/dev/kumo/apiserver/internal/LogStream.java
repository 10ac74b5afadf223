package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.RevisionLogs;
import java.time.Duration;
import java.util.Optional;

/** {@code GET …/revisions/NAME/log[?follow=true&tailLines=N]}: a Revision's output as plain text lines. */
final class LogStream implements LineStream {

    private final RevisionLogs logs;
    private final String namespace;
    private final String revision;
    private final int tailLines;
    private final boolean follow;

    LogStream(RevisionLogs logs, String namespace, String revision, int tailLines, boolean follow) {
        this.logs = logs;
        this.namespace = namespace;
        this.revision = revision;
        this.tailLines = tailLines;
        this.follow = follow;
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
        RevisionLogs.Stream stream = logs.open(namespace, revision, tailLines, follow, new RevisionLogs.Sink() {
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
