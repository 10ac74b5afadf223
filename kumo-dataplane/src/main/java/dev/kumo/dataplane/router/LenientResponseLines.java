package dev.kumo.dataplane.router;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Reads an instance's response heads accepting a bare LF as a line end, as RFC 9112 §2.2 lets a recipient and as Go's
 * net/http in Knative's queue-proxy does: a workload that ends its lines with "\n" (a CGI script, a shell one-liner
 * with nc) answers through Kumo as on Knative instead of a 502. Requests from clients stay strict (Netty's
 * default), and what reaches the client is encoded again with CRLF. Installed as the router's HTTP/1.1 client's
 * connect handler, before a connection carries its first request: Vert.x builds its codec with no such option.
 */
final class LenientResponseLines {

    private LenientResponseLines() {
    }

    /** Swaps {@code connection}'s response decoder for one with {@code options}' limits that takes bare LFs. */
    static void install(HttpConnection connection, HttpClientOptions options) {
        if (!(connection instanceof ConnectionBase base)) {
            return;
        }
        ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
        if (pipeline.get(HttpClientCodec.class) == null) {
            return; // HTTP/2
        }
        HttpDecoderConfig decoding = new HttpDecoderConfig().setStrictLineParsing(false)
                .setMaxInitialLineLength(options.getMaxInitialLineLength()).setMaxHeaderSize(options.getMaxHeaderSize())
                .setMaxChunkSize(options.getMaxChunkSize()).setInitialBufferSize(options.getDecoderInitialBufferSize());
        pipeline.replace(HttpClientCodec.class, pipeline.context(HttpClientCodec.class).name(),
                new HttpClientCodec(decoding, false, false));
    }
}
