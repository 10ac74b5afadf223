package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The head the Netty front sends an instance, written from a head Netty's decoder read off the client's bytes:
 * which lines stay, go and are added, and the bytes kept as the client sent them.
 */
class ForwardedHeadTest {

    private static final String FORWARDING = "Forwarded: for=127.0.0.1;host=h;proto=http\r\n"
            + "X-Forwarded-For: 127.0.0.1\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: h\r\n";

    @Test
    void endToEndLinesStayInOrderAndTheForwardingLinesFollow() {
        String out = forwarded("GET /a?b=1 HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nX-Multi: 1\r\nX-Multi: 2\r\n"
                + "content-type: text/plain\r\n\r\n", false, null);

        assertThat(out).isEqualTo("GET /a?b=1 HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nX-Multi: 1\r\nX-Multi: 2\r\n"
                + "content-type: text/plain\r\n" + FORWARDING + "\r\n");
    }

    @Test
    void everyHopByHopLineAndThoseConnectionNamesOnAnyOfItsLinesAreDropped() {
        String out = forwarded("DELETE /x HTTP/1.1\r\nhost: h\r\nConnection: keep-alive, X-One\r\n"
                + "Keep-Alive: timeout=5\r\nTE: trailers\r\nTrailer: x-sum\r\nProxy-Authorization: basic x\r\n"
                + "Proxy-Connection: keep-alive\r\nX-One: 1\r\nconnection: x-two\r\nX-Two: 2\r\nX-Three: 3\r\n\r\n",
                false, null);

        assertThat(out).isEqualTo("DELETE /x HTTP/1.1\r\nhost: h\r\nX-Three: 3\r\n" + FORWARDING + "\r\n");
    }

    @Test
    void aContentLengthTheConnectionHeaderNamesStaysForItFramesTheBody() {
        String out = forwarded("POST / HTTP/1.1\r\nHost: h\r\nConnection: content-length, x-one\r\n"
                + "Content-Length: 5\r\nX-One: 1\r\n\r\n", false, null);

        assertThat(out).isEqualTo("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n" + FORWARDING + "\r\n");
    }

    @Test
    void aClientsForwardedWithAnOpenQuoteIsReplacedNotExtended() {
        String open = forwarded("GET / HTTP/1.1\r\nHost: h\r\nForwarded: for=6.6.6.6;by=\"\r\n\r\n", false, null);
        String closed = forwarded("GET / HTTP/1.1\r\nHost: h\r\nForwarded: for=\"[::1]\";by=\"a\\\\\"\r\n\r\n",
                false, null);

        assertThat(open).isEqualTo("GET / HTTP/1.1\r\nHost: h\r\n" + FORWARDING + "\r\n");
        assertThat(closed).contains("Forwarded: for=\"[::1]\";by=\"a\\\\\", for=127.0.0.1;host=h;proto=http\r\n");
    }

    @Test
    void theClientsForwardedAndForwardedForAreExtendedItsProtoAndHostReplaced() {
        String out = forwarded("GET / HTTP/1.1\r\nX-Forwarded-Proto: https\r\nHost: h.example:8080\r\n"
                + "forwarded: for=10.0.0.1\r\nx-forwarded-for: 10.0.0.1\r\nX-Forwarded-Host: evil\r\n\r\n",
                false, null);

        assertThat(out).isEqualTo("GET / HTTP/1.1\r\nHost: h.example:8080\r\n"
                + "Forwarded: for=10.0.0.1, for=127.0.0.1;host=\"h.example:8080\";proto=http\r\n"
                + "X-Forwarded-For: 10.0.0.1, 127.0.0.1\r\nX-Forwarded-Proto: http\r\n"
                + "X-Forwarded-Host: h.example:8080\r\n\r\n");
    }

    @Test
    void anIpv6ClientIsBracketedAndQuotedInForwarded() {
        HttpRequest head = decode("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        String out = text(ForwardedHead.write(ByteBufAllocator.DEFAULT, head, false, "::1", "http", null));

        assertThat(out).contains("Forwarded: for=\"[::1]\";host=h;proto=http\r\nX-Forwarded-For: ::1\r\n");
    }

    @Test
    void aHostThatIsNoTokenIsQuotedWithItsQuotesAndBackslashesEscapedAsOnTheVertxPath() {
        String host = "a\"b\\c:8080";

        String out = forwarded("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n", false, null);

        assertThat(out).contains("Forwarded: for=127.0.0.1;host=\"a\\\"b\\\\c:8080\";proto=http\r\n")
                .contains(";host=" + ForwardingHeaders.quoteIfNeeded(host) + ";");
    }

    @Test
    void aChunkedBodyKeepsOneTransferEncodingLineAndALengthItsContentLength() {
        String chunked = forwarded("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", true,
                null);
        String length = forwarded("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n", false, null);

        assertThat(chunked).isEqualTo("POST / HTTP/1.1\r\nHost: h\r\n" + FORWARDING
                + "transfer-encoding: chunked\r\n\r\n");
        assertThat(length).isEqualTo("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n" + FORWARDING + "\r\n");
    }

    @Test
    void theTraceContextReplacesTheClientsLinesOfTheSameNamesAndComesLast() {
        String out = forwarded("GET / HTTP/1.1\r\nTraceParent: 00-client-01\r\nHost: h\r\ntracestate: a=1\r\n\r\n",
                false, List.of("traceparent", "00-proxy-01", "tracestate", "k=v"));

        assertThat(out).isEqualTo("GET / HTTP/1.1\r\nHost: h\r\n" + FORWARDING
                + "traceparent: 00-proxy-01\r\ntracestate: k=v\r\n\r\n");
    }

    @Test
    void untracedTheClientsTraceContextGoesOn() {
        String out = forwarded("GET / HTTP/1.1\r\nHost: h\r\ntraceparent: 00-client-01\r\n\r\n", false, List.of());

        assertThat(out).isEqualTo("GET / HTTP/1.1\r\nHost: h\r\ntraceparent: 00-client-01\r\n" + FORWARDING + "\r\n");
    }

    @Test
    void theTargetsAndTheValuesBytesOver0x7fGoOnAsTheClientSentThem() {
        // Netty's request encoder wrote the target as UTF-8: a client's byte 0xE9 reached the instance as C3 A9.
        byte[] in = "GET /caf\u00e9?q=\u00ff HTTP/1.1\r\nHost: h\r\nX-Name: Jos\u00e9\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        ByteBuf out = ForwardedHead.write(ByteBufAllocator.DEFAULT, decode(Unpooled.wrappedBuffer(in)), false,
                "127.0.0.1", "http", null);

        assertThat(out.toString(StandardCharsets.ISO_8859_1)).startsWith(
                "GET /caf\u00e9?q=\u00ff HTTP/1.1\r\nHost: h\r\nX-Name: Jos\u00e9\r\n");
        out.release();
    }

    @Test
    void anAbsoluteTargetWithoutAPathGetsItsSlashAsNettysEncoderGaveIt() {
        assertThat(forwarded("GET http://h HTTP/1.1\r\nHost: h\r\n\r\n", false, null))
                .startsWith("GET http://h/ HTTP/1.1\r\n");
        assertThat(forwarded("OPTIONS http://h?x=1 HTTP/1.1\r\nHost: h\r\n\r\n", false, null))
                .startsWith("OPTIONS http://h/?x=1 HTTP/1.1\r\n");
        assertThat(forwarded("GET http://h/p?x=/ HTTP/1.1\r\nHost: h\r\n\r\n", false, null))
                .startsWith("GET http://h/p?x=/ HTTP/1.1\r\n");
        assertThat(forwarded("GET /a://b HTTP/1.1\r\nHost: h\r\n\r\n", false, null))
                .startsWith("GET /a://b HTTP/1.1\r\n");
    }

    @Test
    void aHeadWithoutHostOrWithAnEmptyOneForwardsNoHostParameterAndNoForwardedHost() {
        // The guard refuses an HTTP/1.1 head without Host; an empty Host line is legal and names no host either.
        String want = "Forwarded: for=127.0.0.1;proto=http\r\nX-Forwarded-For: 127.0.0.1\r\n"
                + "X-Forwarded-Proto: http\r\n\r\n";

        assertThat(forwarded("GET / HTTP/1.1\r\n\r\n", false, null)).isEqualTo("GET / HTTP/1.1\r\n" + want);
        assertThat(forwarded("GET / HTTP/1.1\r\nHost:\r\nX-Forwarded-Host: evil\r\n\r\n", false, null))
                .isEqualTo("GET / HTTP/1.1\r\nHost: \r\n" + want);
    }

    @Test
    void aHostThatIsNoTokenIsQuotedAndItsLatin1BytesGoOnAsSent() {
        // Netty reads the byte FC as the char ü: no tchar (RFC 9110 §5.6.2), so host= is a quoted-string, whose
        // obs-text keeps the byte.
        String out = forwarded("GET / HTTP/1.1\r\nHost: b\u00fccher.example\r\n\r\n", false, null);

        assertThat(out).contains("Forwarded: for=127.0.0.1;host=\"b\u00fccher.example\";proto=http\r\n")
                .contains("X-Forwarded-Host: b\u00fccher.example\r\n");
    }

    private static String forwarded(String request, boolean chunked, List<String> trace) {
        return text(ForwardedHead.write(ByteBufAllocator.DEFAULT, decode(request), chunked, "127.0.0.1", "http",
                trace));
    }

    private static HttpRequest decode(String request) {
        return decode(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
    }

    /** The head as the front gets it: from Netty's decoder, names and values as they were sent. */
    private static HttpRequest decode(ByteBuf bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder());
        channel.writeInbound(bytes);
        HttpRequest head = channel.readInbound();
        assertThat(head.decoderResult().isSuccess()).as("decoded").isTrue();
        for (Object rest = channel.readInbound(); rest != null; rest = channel.readInbound()) {
            ReferenceCountUtil.release(rest);
        }
        channel.finishAndReleaseAll();
        return head;
    }

    private static String text(ByteBuf bytes) {
        try {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        } finally {
            bytes.release();
        }
    }
}
