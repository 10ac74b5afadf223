package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A stream that runs {@code ended} once when it stops, for the count of long-running requests. */
final class CountedStream implements LineStream {

    private final LineStream stream;
    private final Runnable ended;
    private final AtomicBoolean done = new AtomicBoolean();

    CountedStream(LineStream stream, Runnable ended) {
        this.stream = stream;
        this.ended = ended;
    }

    @Override
    public String contentType() {
        return stream.contentType();
    }

    @Override
    public Optional<Duration> timeout() {
        return stream.timeout();
    }

    @Override
    public boolean watch() {
        return stream.watch();
    }

    @Override
    public Handle start(Sink sink) {
        Handle handle;
        try {
            handle = stream.start(new Sink() {
                @Override
                public void line(String line) {
                    sink.line(line);
                }

                @Override
                public void end() {
                    finish();
                    sink.end();
                }
            });
        } catch (RuntimeException e) {
            finish();
            throw e;
        }
        return () -> {
            finish();
            handle.close();
        };
    }

    @Override
    public String failureLine(ApiException e) {
        return stream.failureLine(e);
    }

    private void finish() {
        if (done.compareAndSet(false, true)) {
            ended.run();
        }
    }
}
