package dev.kumo.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.TimeUnit;

/**
 * Puts {@link ListenerLimits} on a Vert.x HTTP/1.1 server and answers clients Vert.x would drop: a request line or
 * header Netty cannot parse gets 400/414/431 (Vert.x closes some without a word), a head RFC 9112 refuses (two Host
 * lines, none in HTTP/1.1, control characters in the target: {@link RequestHeadRules}) 400, a malformed chunked body
 * 400, a body cut short by a half-close 400, and a client that half-closes after a whole request still gets its
 * answer. An absolute-form target's authority becomes the request's Host.
 *
 * <p>Vert.x 4.5 has neither a header-read deadline nor half-closure, so this reaches the connection's Netty
 * pipeline through {@code ConnectionBase} (Vert.x's implementation class, stable through 4.x): it turns
 * {@code ALLOW_HALF_CLOSURE} on and adds one handler per connection.
 *
 * <p>With h2c on, Vert.x announces an HTTP/1.1 connection only once its first request head is complete (until then
 * the head might still ask to upgrade to HTTP/2), so the guard cannot time that first head. {@link #optionsWithH2c}
 * therefore closes a connection whose first head has not come within the header-read timeout (Vert.x's idle
 * timeout; without the 408 the guard would send), and {@link #installWithH2c} drops that timeout once the
 * connection is announced, so that it never cuts a quiet stream; every later head is guarded as without h2c. An
 * HTTP/2 connection gets an idle timeout that counts every frame and a deadline for its first request's headers,
 * and a request's Host header different from its {@code :authority} names the authority ({@link HostAsAuthority}).
 */
public final class ClientGuard {

    /** Vert.x's name of its idle-timeout handler in a connection's pipeline. */
    private static final String IDLE = "idle";

    private ClientGuard() {
    }

    /** The options every guarded listener needs: h2c off (see above). */
    public static HttpServerOptions options(HttpServerOptions options) {
        return options.setHttp2ClearTextEnabled(false);
    }

    /**
     * The options of a guarded listener that also speaks h2c (prior knowledge and Upgrade): until its first request
     * head is complete, a connection is closed after the header-read timeout. Install with {@link #installWithH2c}.
     */
    public static HttpServerOptions optionsWithH2c(HttpServerOptions options, ListenerLimits limits) {
        return options.setHttp2ClearTextEnabled(true).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) Math.max(1, limits.headerReadTimeout().toMillis()));
    }

    /** Guards every connection {@code server} accepts from now on; call before {@code listen}. */
    public static HttpServer install(HttpServer server, ListenerLimits limits, ErrorAnswer answer) {
        return server.connectionHandler(connection -> guard(connection, limits, answer))
                .invalidRequestHandler(request -> answerInvalid(request, answer));
    }

    /**
     * {@link #install} for a server built with {@link #optionsWithH2c}. An HTTP/1.1 connection drops the idle timeout
     * that timed its protocol detection and is guarded as by {@link #install}; an HTTP/2 connection (prior knowledge
     * or upgraded) gets {@link #guardHttp2} instead.
     */
    public static HttpServer installWithH2c(HttpServer server, ListenerLimits limits, ErrorAnswer answer) {
        return server.connectionHandler(connection -> {
            if (!(connection instanceof ConnectionBase base)) {
                return;
            }
            ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
            if (pipeline.get(IDLE) != null) {
                pipeline.remove(IDLE);
            }
            if (pipeline.get("httpDecoder") == null) {
                guardHttp2(base.channelHandlerContext(), limits, false);
            } else {
                guard(connection, limits, answer);
                pipeline.addFirst("kumoUpgradeWatch", new UpgradeWatch(limits));
            }
        }).invalidRequestHandler(request -> answerInvalid(request, answer));
    }

    /**
     * An HTTP/2 connection (announced by Vert.x once the client's SETTINGS came) is closed when no frame has moved
     * either way for the idle timeout, as Vert.x's own HTTP/2 idle timeout does, so a stream that keeps moving data
     * is never cut; and when the client has not completed a first request's headers within the header-read
     * timeout (the headers of a stream count only once whole, CONTINUATION frames included), unless
     * {@code upgraded}: then the first request was the HTTP/1.1 head that asked for the upgrade.
     */
    private static void guardHttp2(ChannelHandlerContext vertx, ListenerLimits limits, boolean upgraded) {
        vertx.pipeline().addBefore(vertx.name(), "kumoHttp2Idle",
                new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(), TimeUnit.MILLISECONDS) {
                    @Override
                    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
                        ctx.channel().close();
                    }
                });
        if (!(vertx.handler() instanceof Http2ConnectionHandler http2)) {
            return; // Vert.x's HTTP/2 connection always sits on its Http2ConnectionHandler
        }
        HostAsAuthority.install(http2);
        if (upgraded) {
            return;
        }
        ScheduledFuture<?> firstStream = vertx.executor().schedule(() -> {
            if (http2.connection().remote().lastStreamCreated() == 0) {
                vertx.channel().close();
            }
        }, limits.headerReadTimeout().toMillis(), TimeUnit.MILLISECONDS);
        vertx.channel().closeFuture().addListener(closed -> firstStream.cancel(false));
    }

    /**
     * Vert.x announces a connection that upgrades to h2c as HTTP/1.1 and never again; the upgrade strips the
     * HTTP/1.1 handlers (this one too) and puts back its idle timeout, which is the header-read timeout here. Once
     * stripped, the HTTP/2 connection left gets the idle timeout of one with prior knowledge.
     */
    private static final class UpgradeWatch extends ChannelHandlerAdapter {

        private final ListenerLimits limits;

        UpgradeWatch(ListenerLimits limits) {
            this.limits = limits;
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            ctx.channel().eventLoop().execute(() -> {
                ChannelHandlerContext http2 = ctx.pipeline().context(Http2ConnectionHandler.class);
                if (ctx.channel().isActive() && http2 != null) {
                    if (ctx.pipeline().get(IDLE) != null) {
                        ctx.pipeline().remove(IDLE);
                    }
                    guardHttp2(http2, limits, true);
                }
            });
        }
    }

    private static void guard(HttpConnection connection, ListenerLimits limits, ErrorAnswer answer) {
        if (!(connection instanceof ConnectionBase base)) {
            return;
        }
        ChannelHandlerContext vertx = base.channelHandlerContext();
        ChannelPipeline pipeline = vertx.pipeline();
        if (pipeline.get("httpDecoder") == null) {
            return; // not an HTTP/1.x connection
        }
        vertx.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        ConnectionGuard guard = new ConnectionGuard(limits, answer);
        pipeline.addBefore(vertx.name(), "kumoConnectionGuard", guard);
        pipeline.addBefore("httpDecoder", "kumoBytesIn", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                guard.bytesArrived();
                ctx.fireChannelRead(msg);
            }
        });
    }

    /** A request whose head Netty could not decode: 414 or 431 for the sizes, 400 for the rest, then close. */
    private static void answerInvalid(HttpServerRequest request, ErrorAnswer answer) {
        InvalidHead invalid = invalidHead(request.decoderResult().cause());
        ErrorAnswer.Body body = answer.body(invalid.status(), invalid.message());
        request.response().setStatusCode(invalid.status()).putHeader("Connection", "close")
                .putHeader("Content-Type", body.contentType())
                .end(io.vertx.core.buffer.Buffer.buffer(body.bytes()));
    }

    /** The answer to a request head Netty could not decode, then close. */
    public record InvalidHead(int status, String message) {
    }

    /** 414 or 431 when the line or the headers are too long, else 400; {@code cause} is the decoder's. */
    public static InvalidHead invalidHead(Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? "unreadable request"
                : cause.getMessage();
        int status = 400;
        if (cause instanceof TooLongFrameException) {
            status = why.startsWith("An HTTP line is larger than") ? 414 : 431;
        }
        return new InvalidHead(status, "malformed HTTP request: " + why);
    }

    /**
     * Guards a plain Netty HTTP/1.x server pipeline (the router's Netty front) as {@link #install} guards Vert.x's:
     * adds a byte counter, {@code codec} and the guard, in that order; the application's handler goes after them and
     * answers heads that failed to decode with {@link #invalidHead}.
     */
    public static void installOn(ChannelPipeline pipeline, ChannelHandler codec, ListenerLimits limits,
            ErrorAnswer answer) {
        pipeline.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        ConnectionGuard guard = new ConnectionGuard(limits, answer);
        pipeline.addLast("kumoBytesIn", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                guard.bytesArrived();
                ctx.fireChannelRead(msg);
            }
        }).addLast("httpCodec", codec).addLast("kumoConnectionGuard", guard);
    }
}
