package dev.kumo.dataplane.router;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * The client's response as a pipe's destination that tells the exchange of each chunk it writes, for the idle
 * timeout ({@link ResponseTimeouts}); only requests that have one pay for it.
 */
final class WriteNotice implements WriteStream<Buffer> {

    private final WriteStream<Buffer> out;
    private final Exchange exchange;

    WriteNotice(WriteStream<Buffer> out, Exchange exchange) {
        this.out = out;
        this.exchange = exchange;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        out.exceptionHandler(handler);
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        exchange.wrote();
        return out.write(data);
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        exchange.wrote();
        out.write(data, handler);
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        out.end(handler);
    }

    @Override
    public Future<Void> end() {
        return out.end();
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        out.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return out.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        out.drainHandler(handler);
        return this;
    }
}
