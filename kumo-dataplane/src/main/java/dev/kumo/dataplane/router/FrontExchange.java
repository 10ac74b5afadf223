package dev.kumo.dataplane.router;

import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.http.ResponseBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One request the front forwards itself: its lease, the instance connection it uses, the first-byte timer, and how
 * it ends (exactly once: answered, failed or abandoned). Bodies stream both ways, flushed once per read, with
 * backpressure by pausing the other side's reads. Used on its connection's event loop only.
 */
final class FrontExchange {

    private static final String PROTO = "http";
    private static final byte[] TRANSFER_ENCODING_CHUNKED = bytes("transfer-encoding: chunked\r\n");
    private static final byte[] CONNECTION_CLOSE = bytes("connection: close\r\n");
    private static final short CRLF = ('\r' << 8) | '\n';

    private final FrontConnection connection;
    private final ChannelHandlerContext client;
    private final HttpRequest head;
    private final FrontLease lease;
    private final Upstreams upstreams;
    private final boolean clientKeepAlive;
    private final boolean chunkedRequest;
    private final HttpVersion clientVersion;
    private boolean forwarded;
    private long deadlineNanos;
    private InstanceAddress address;
    private Channel upstream;
    private List<HttpContent> pending;
    private boolean requestEnded;
    private boolean responseStarted;
    private boolean keepAlive;
    private boolean upstreamReusable;
    private boolean upstreamReused;
    private boolean bodySent;
    private boolean chunkBody;
    private boolean done;

    FrontExchange(FrontConnection connection, ChannelHandlerContext client, HttpRequest head, FrontLease lease,
            Upstreams upstreams) {
        this.connection = connection;
        this.client = client;
        this.head = head;
        this.lease = lease;
        this.upstreams = upstreams;
        this.clientKeepAlive = HttpUtil.isKeepAlive(head);
        this.chunkedRequest = HttpUtil.isTransferEncodingChunked(head);
        this.clientVersion = head.protocolVersion();
        this.keepAlive = clientKeepAlive;
    }

    /** Starts the first-byte clock (the connection's timer watches it) and connects to the leased instance. */
    void start() {
        deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(lease.timeoutSeconds());
        connection.watch(deadlineNanos);
        connect();
    }

    /** When the response head must have arrived by ({@link System#nanoTime}). */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Whether the first-byte timeout still applies: no response head yet and not ended. */
    boolean awaitingHead() {
        return !done && !responseStarted;
    }

    /** No response head within timeoutSeconds: 504, as the Vert.x path's {@code FirstByteTimeout} answers. */
    void timedOut() {
        fail(504, "revision " + lease.revision() + " did not start answering within timeoutSeconds "
                + lease.timeoutSeconds());
    }

    private void connect() {
        address = lease.address();
        upstreams.acquire(address, this);
    }

    /** Whether this runs within the client's read, whose end flushes what went to the instance. */
    boolean clientReading() {
        return connection.reading();
    }

    /**
     * A connection to the instance is open ({@code reused} from the pool, or new): send the head and whatever body
     * already came; {@code flush} unless the client's read is under way (a retry, a connection that opened later, a
     * pipelined request: flush now).
     */
    void upstreamReady(Channel channel, boolean flush, boolean reused) {
        if (done) {
            channel.close();
            return;
        }
        upstream = channel;
        upstreamReused = reused;
        UpstreamHandler.of(channel).exchange(this);
        forwarded = true;
        channel.write(ForwardedHead.write(client.alloc(), head, chunkedRequest, connection.clientAddress(), PROTO,
                lease.traceFields()));
        if (pending != null) {
            pending.forEach(this::sendContent);
            pending = null;
        } else if (requestEnded && chunkedRequest) {
            channel.write(Chunks.last(client.alloc(), EmptyHttpHeaders.INSTANCE)); // a retry: the body's end again
        }
        if (flush) {
            channel.flush();
        }
    }

    /** No connection could be opened: nothing was sent, so another instance may take the request. */
    void upstreamFailed(Throwable cause) {
        if (done) {
            return;
        }
        switch (lease.connectFailed(cause)) {
            case FrontLease.Retry retry -> connect();
            case FrontLease.Failure failure -> fail(failure.status(), failure.message());
            case FrontLease.NoneFree none -> {
                if (handOffPossible()) {
                    handOff();
                } else {
                    fail(503, none.message());
                }
            }
        }
    }

    /**
     * Whether the request can still go to the Vert.x router as the client sent it: its head unchanged (nothing
     * forwarded yet) and its body either all held or continuing in the client's bytes (not mid-chunk).
     */
    private boolean handOffPossible() {
        return !forwarded && (requestEnded || !chunkedRequest);
    }

    /**
     * No instance admits the request now: the Vert.x router's gate decides (queue, hold or reject), as for a
     * request the front never admitted; this exchange ends without an answer of its own.
     */
    private void handOff() {
        done = true;
        lease.end();
        List<HttpContent> held = pending == null ? List.of() : pending;
        pending = null;
        connection.handOff(head, held);
    }

    /** A piece of the request body from the client. */
    void requestContent(HttpContent content) {
        if (content instanceof LastHttpContent) {
            requestEnded = true;
        }
        if (done) {
            ReferenceCountUtil.release(content);
        } else if (upstream == null) {
            if (pending == null) {
                pending = new ArrayList<>(2);
            }
            pending.add(content);
        } else {
            sendContent(content);
        }
    }

    /**
     * Sends {@code content} on: a length-framed body's bytes as the decoder sliced them, a chunked body's in chunks
     * again (with the trailers). Performance: no encoder, the slices written as they are.
     */
    private void sendContent(HttpContent content) {
        ByteBuf data = content.content();
        boolean readable = data.isReadable();
        // Trailers count as body: a retry's last chunk would go without them.
        bodySent |= readable || content instanceof LastHttpContent last && !last.trailingHeaders().isEmpty();
        if (!chunkedRequest) {
            if (readable) {
                upstream.write(data);
            } else {
                data.release();
            }
            return;
        }
        if (readable) {
            upstream.write(Chunks.sizeLine(client.alloc(), data.readableBytes()));
            upstream.write(data);
            upstream.write(Chunks.dataEnd(client.alloc()));
        } else {
            data.release();
        }
        if (content instanceof LastHttpContent last) {
            upstream.write(Chunks.last(client.alloc(), last.trailingHeaders()));
        }
    }

    boolean requestEnded() {
        return requestEnded;
    }

    /** The client's read ended: what it read goes out to the instance. */
    void flushToUpstream() {
        if (upstream != null && !done) {
            upstream.flush();
        }
    }

    void flushToClient() {
        client.flush();
    }

    /** Whether the request is a HEAD, whose response has no body whatever its head says. */
    boolean headRequest() {
        return HttpMethod.HEAD.equals(head.method());
    }

    /**
     * The instance's response head ({@code last}: no body follows), read from its bytes: forwarded as bytes, plus
     * the front's own framing and connection lines. Performance: no response object, no header map.
     */
    void responseHead(ResponseHead in, boolean last) {
        if (done) {
            in.head().release();
            return;
        }
        responseStarted = true;
        lease.responseStarted(in.status());
        boolean untilClose = in.framing() == ResponseHead.Framing.CLOSE;
        chunkBody = untilClose; // the client is HTTP/1.1 (FrontConnection.forwardable)
        upstreamReusable = in.keepAlive() && !untilClose;
        ByteBuf out = in.head();
        if (in.framing() == ResponseHead.Framing.CHUNKED || chunkBody) {
            out.writeBytes(TRANSFER_ENCODING_CHUNKED); // a body without a length goes on chunked
        }
        if (!keepAlive) {
            out.writeBytes(CONNECTION_CLOSE);
        }
        out.writeShort(CRLF);
        sendToClient(out, true, last);
    }

    /** A piece of the instance's response body, as read; the last one completes the exchange. */
    void responseBody(ByteBuf piece, boolean last) {
        if (done || !responseStarted) {
            piece.release();
            return;
        }
        if (chunkBody) {
            if (piece.isReadable()) {
                sendToClient(Chunks.sizeLine(client.alloc(), piece.readableBytes()), false, false);
                sendToClient(piece, false, false);
                sendToClient(Chunks.dataEnd(client.alloc()), false, false);
            } else {
                piece.release();
            }
            if (last) {
                sendToClient(Chunks.last(client.alloc(), EmptyHttpHeaders.INSTANCE), false, true);
            }
        } else {
            sendToClient(piece, false, last);
        }
    }

    private void sendToClient(ByteBuf bytes, boolean first, boolean last) {
        if (last) {
            client.writeAndFlush(new ResponseBytes(bytes, first, true));
            complete();
        } else {
            client.write(new ResponseBytes(bytes, first, false));
        }
    }

    /** The instance's response is not HTTP the front can forward: 502 before its head went on, else a drop. */
    void responseMalformed(String message) {
        upstream = null; // closed already
        fail(502, "revision " + lease.revision() + " instance " + lease.instanceName() + " failed: " + message);
    }

    private void complete() {
        done = true;
        lease.end();
        if (upstreamReusable && requestEnded) {
            upstreams.release(address, upstream);
        } else {
            upstream.close();
        }
        boolean close = !keepAlive || !requestEnded;
        if (close) {
            // The rest of an unread body would have to be drained: close instead, as the Vert.x path does.
            client.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        connection.exchangeDone(close);
    }

    /**
     * The instance closed its connection: 502 before the response head, else the client's connection goes too. A
     * pooled connection closed before any answer (an instance's idle timeout racing its reuse) is retried once on a
     * new connection when no body byte went out (nothing that could not be sent again).
     */
    void upstreamClosed() {
        if (!done && upstreamReused && !responseStarted && !bodySent) {
            upstream = null;
            upstreamReused = false;
            upstreams.connect(address, this);
        } else if (!done) {
            fail(502, "revision " + lease.revision() + " instance " + lease.instanceName()
                    + " failed: Connection was closed");
        }
    }

    /** Answers {@code status} with {@code message}, or drops the connection if the response started. */
    void fail(int status, String message) {
        if (done) {
            return;
        }
        if (responseStarted) {
            abort();
            return;
        }
        done = true;
        lease.answered(status);
        lease.end();
        closeUpstream();
        releasePending();
        boolean close = !keepAlive || !requestEnded;
        var answer = client.writeAndFlush(Answers.text(client.alloc(), clientVersion, status, message, close));
        if (close) {
            answer.addListener(ChannelFutureListener.CLOSE);
        }
        connection.exchangeDone(close);
    }

    /** The client left or the response broke mid-stream: close both connections. */
    void abort() {
        if (done) {
            return;
        }
        done = true;
        lease.end();
        closeUpstream();
        releasePending();
        client.close();
    }

    /** Body pieces that came while connecting, for a request that ended before the connection did. */
    private void releasePending() {
        if (pending != null) {
            pending.forEach(ReferenceCountUtil::release);
            pending = null;
        }
    }

    private void closeUpstream() {
        if (upstream != null) {
            UpstreamHandler.of(upstream).exchange(null);
            upstream.close();
        }
    }

    void clientWritability(boolean writable) {
        if (upstream != null) {
            upstream.config().setAutoRead(writable);
        }
    }

    void upstreamWritability(boolean writable) {
        connection.upstreamWritable(writable);
    }

    boolean isDone() {
        return done;
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
