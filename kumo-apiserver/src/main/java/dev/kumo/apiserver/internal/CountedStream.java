package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A stream counted as a long-running request from its start to its end: {@code begin} runs when it starts (one that
 * never starts, its upgrade failed, is not counted) and the action it returns once when it stops.
 */
final class CountedStream implements LineStream {

    private final LineStream stream;
    private final Supplier<Runnable> begin;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Runnable ended = () -> { };

    CountedStream(LineStream stream, Supplier<Runnable> begin) {
        this.stream = stream;
        this.begin = begin;
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
        ended = begin.get();
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
