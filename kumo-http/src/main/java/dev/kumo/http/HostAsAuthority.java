package dev.kumo.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameListener;
import io.netty.handler.codec.http2.Http2FrameListenerDecorator;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;

/**
 * Lets an HTTP/2 request's {@code Host} header name its authority when it differs from {@code :authority}. The JDK's
 * HttpClient sends a {@code Host} set by the caller beside the URI's {@code :authority}; Vert.x answers such a request
 * with RST_STREAM (RFC 9113 §8.3.1 lets a server treat it as malformed). A caller who sets Host means to reach that
 * host, as it does over HTTP/1.1 and as curl's {@code -H Host:} does over HTTP/2, so the header becomes the
 * {@code :authority} (and leaves the headers) before Vert.x reads the request.
 */
final class HostAsAuthority extends Http2FrameListenerDecorator {

    private static final AsciiString HOST = AsciiString.cached("host");

    private HostAsAuthority(Http2FrameListener listener) {
        super(listener);
    }

    /** Puts this in front of the frame listener of {@code http2}'s decoder; call on its event loop. */
    static void install(Http2ConnectionHandler http2) {
        if (!(http2.decoder().frameListener() instanceof HostAsAuthority)) {
            http2.decoder().frameListener(new HostAsAuthority(http2.decoder().frameListener()));
        }
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
            boolean endOfStream) throws Http2Exception {
        super.onHeadersRead(ctx, streamId, hostAsAuthority(headers), padding, endOfStream);
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
            short weight, boolean exclusive, int padding, boolean endOfStream) throws Http2Exception {
        super.onHeadersRead(ctx, streamId, hostAsAuthority(headers), streamDependency, weight, exclusive, padding,
                endOfStream);
    }

    /** The request's headers with a lone {@code Host} as {@code :authority}; trailers and the rest unchanged. */
    static Http2Headers hostAsAuthority(Http2Headers headers) {
        CharSequence host = headers.get(HOST);
        if (host != null && headers.authority() != null && headers.getAll(HOST).size() == 1) {
            headers.authority(host);
            headers.remove(HOST);
        }
        return headers;
    }
}
