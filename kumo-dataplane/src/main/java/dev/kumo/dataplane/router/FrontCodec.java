package dev.kumo.dataplane.router;

import dev.kumo.http.ResponseBytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The front's client codec: Netty's {@code HttpServerCodec} (decoded requests; responses encoded, without a body
 * for a HEAD) that also sends {@link ResponseBytes}, an instance's response forwarded as bytes, as they are.
 * Performance: a forwarded response is neither decoded into objects nor encoded again.
 */
final class FrontCodec extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder> {

    /** The methods of the requests decoded and not yet answered, in order (for a HEAD's bodiless answer). */
    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>();

    FrontCodec() {
        init(new Decoder(), new Encoder());
    }

    private final class Decoder extends HttpRequestDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            int before = out.size();
            super.decode(ctx, buffer, out);
            for (int i = before; i < out.size(); i++) {
                if (out.get(i) instanceof HttpRequest request) {
                    methods.add(request.method());
                }
            }
        }
    }

    private final class Encoder extends HttpResponseEncoder {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof ResponseBytes bytes) {
                if (bytes.first()) {
                    methods.poll();
                }
                ctx.write(bytes.content(), promise);
            } else {
                super.write(ctx, msg, promise);
            }
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            if (msg.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                return super.isContentAlwaysEmpty(msg);
            }
            return HttpMethod.HEAD.equals(methods.poll()) || super.isContentAlwaysEmpty(msg);
        }
    }
}
