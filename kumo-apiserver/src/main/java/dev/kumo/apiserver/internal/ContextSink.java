package dev.kumo.apiserver.internal;

import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link LineStream.Sink} for one transport (a chunked response, a WebSocket): each line and the end are written on
 * the connection's own context, nothing after the end. {@code ended} is shared with the transport, which sets it when
 * the client went away.
 */
record ContextSink(Context context, AtomicBoolean ended, Consumer<String> write, Runnable finish)
        implements LineStream.Sink {

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
