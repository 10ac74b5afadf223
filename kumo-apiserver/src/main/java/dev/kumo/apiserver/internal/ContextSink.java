package dev.kumo.apiserver.internal;

import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A {@link LineStream.Sink} for one transport (a chunked response, a WebSocket): each line and the end are written on
 * the connection's own context, nothing after the end. {@code ended} is shared with the transport, which sets it when
 * the client went away. The end also closes the stream's handle ({@link #start}): a watch the store ended stops its
 * bookmark thread even though a kept-alive connection stays open.
 */
record ContextSink(Context context, AtomicBoolean ended, Consumer<String> write, Runnable finish)
        implements LineStream.Sink {

    /**
     * Starts {@code stream} writing through {@code write} on {@code context}; at its end runs {@code finish} and
     * closes the returned handle. Called on {@code context}, so the end (queued there) finds the handle set.
     */
    static LineStream.Handle start(LineStream stream, Context context, AtomicBoolean ended, Consumer<String> write,
            Runnable finish) {
        AtomicReference<LineStream.Handle> started = new AtomicReference<>();
        LineStream.Handle handle = stream.start(new ContextSink(context, ended, write, () -> {
            finish.run();
            if (started.get() != null) {
                started.get().close();
            }
        }));
        started.set(handle);
        return handle;
    }

    @Override
    public void line(String line) {
        context.runOnContext(v -> {
            if (!ended.get()) {
                write.accept(line);
            }
        });
    }

    @Override
    public void end() {
        context.runOnContext(v -> {
            if (ended.compareAndSet(false, true)) {
                finish.run();
            }
        });
    }
}
