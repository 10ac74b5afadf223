package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An instance's response head read from bytes: framing, keep-alive, the head forwarded; what it refuses. */
class ResponseHeadTest {

    @Test
    void readsALengthFramedHeadAndForwardsItWithoutHopByHopLines() {
        ByteBuf in = ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: keep-alive, x-hop\r\n"
                + "Keep-Alive: timeout=5\r\nX-Hop: 1\r\nContent-Length: 5\r\n\r\nhello");

        ResponseHead head = ResponseHead.read(in, ByteBufAllocator.DEFAULT, false);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.keepAlive()).isTrue();
        assertThat(head.framing()).isEqualTo(ResponseHead.Framing.LENGTH);
        assertThat(head.length()).isEqualTo(5);
        assertThat(text(head.head())).isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n");
        assertThat(text(in)).isEqualTo("hello"); // read past the head only
    }

    @Test
    void aHeadNotAllHereYetReadsNothing() {
        ByteBuf in = ascii("HTTP/1.1 200 OK\r\nContent-Len");

        assertThat(ResponseHead.read(in, ByteBufAllocator.DEFAULT, false)).isNull();
        assertThat(in.readerIndex()).isZero();
    }

    @Test
    void chunkedIsForwardedAsChunkedWithoutItsTransferEncodingLine() {
        ResponseHead head = read("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n", false);

        assertThat(head.framing()).isEqualTo(ResponseHead.Framing.CHUNKED);
        assertThat(text(head.head())).isEqualTo("HTTP/1.1 201 Created\r\n");
    }

    @Test
    void aHeadRequestsResponseAndA204And304HaveNoBodyWhateverTheirLength() {
        assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", true).framing())
                .isEqualTo(ResponseHead.Framing.NONE);
        assertThat(read("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", false).framing())
                .isEqualTo(ResponseHead.Framing.NONE);
        assertThat(read("HTTP/1.1 304 Not Modified\r\n\r\n", false).framing()).isEqualTo(ResponseHead.Framing.NONE);
    }

    @Test
    void withoutLengthOrChunksTheBodyEndsWithTheConnection() {
        ResponseHead head = read("HTTP/1.0 200 OK\r\n\r\n", false);

        assertThat(head.framing()).isEqualTo(ResponseHead.Framing.CLOSE);
        assertThat(head.keepAlive()).isFalse();
        assertThat(text(head.head())).isEqualTo("HTTP/1.1 200 OK\r\n"); // the front speaks HTTP/1.1 to its client
    }

    @Test
    void connectionCloseAndHttp10KeepAliveAreHonoured() {
        assertThat(read("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", false).keepAlive())
                .isFalse();
        assertThat(read("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", false)
                .keepAlive()).isTrue();
    }

    @Test
    void aStatusLineWithoutAReasonIsFine() {
        assertThat(read("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", false).status()).isEqualTo(404);
    }

    @Test
    void aLineEndedByABareLfIsTakenAsGosNetHttpTakesItAndGoesOnWithCrLf() {
        ByteBuf in = ascii("HTTP/1.1 200 OK\nContent-Type: text/plain\nConnection: x-hop\nX-Hop: 1\n"
                + "Content-Length: 5\n\nhello");

        ResponseHead head = ResponseHead.read(in, ByteBufAllocator.DEFAULT, false);

        assertThat(head.framing()).isEqualTo(ResponseHead.Framing.LENGTH);
        assertThat(text(head.head())).isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n");
        assertThat(text(in)).isEqualTo("hello");
        assertThat(text(read("HTTP/1.1 204 No Content\r\nX-A: 1\nX-B: 2\r\n\n", false).head()))
                .isEqualTo("HTTP/1.1 204 No Content\r\nX-A: 1\r\nX-B: 2\r\n");
    }

    @Test
    void theLengthStaysWhenConnectionListsIt() {
        ResponseHead head = read("HTTP/1.1 200 OK\r\nConnection: content-length, x-hop\r\nX-Hop: 1\r\n"
                + "Content-Length: 5\r\n\r\n", false);

        assertThat(head.framing()).isEqualTo(ResponseHead.Framing.LENGTH);
        assertThat(text(head.head())).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n");
    }

    @Test
    void a204AndAnInterimAnswerLoseTheirLengthAndTheSameLengthTwiceGoesOnOnce() {
        assertThat(text(read("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\nX-A: 1\r\n\r\n", false).head()))
                .isEqualTo("HTTP/1.1 204 No Content\r\nX-A: 1\r\n");
        assertThat(text(read("HTTP/1.1 103 Early Hints\r\nContent-Length: 0\r\n\r\n", false).head()))
                .isEqualTo("HTTP/1.1 103 Early Hints\r\n");
        assertThat(text(read("HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n", false).head()))
                .isEqualTo("HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n"); // the length it would have
        ResponseHead twice = read("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n", false);
        assertThat(twice.length()).isEqualTo(2);
        assertThat(text(twice.head())).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n");
    }

    @Test
    void aStatusLineWithoutAReasonKeepsItsSpaceAndManyHeaderLinesPass() {
        assertThat(text(read("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", false).head()))
                .isEqualTo("HTTP/1.1 200 \r\nContent-Length: 0\r\n");
        String cookies = "Set-Cookie: a=b\r\n".repeat(300);
        assertThat(read("HTTP/1.1 200 OK\r\n" + cookies + "Content-Length: 0\r\n\r\n", false).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", // both framings
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", // differing lengths
        "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\n", // a list as a length
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", // a coding besides chunked
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\n\r\n", // obs-fold
        "HTTP/1.1 200 OK\r\nX-A : 1\r\n\r\n", // white space before the colon
        "HTTP/1.1 200 OK\r\nX-A: 1\rX-B: 2\r\n\r\n", // a bare CR
        "HTTP/1.1 200 OK\r\nX-A: a\u0000b\r\n\r\n", // a control character
        "HTTP/1.1 200 OK\r\nX<A>: 1\r\n\r\n", // a name that is not a token
        "HTTP/2.0 200 OK\r\n\r\n",
        "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 abc OK\r\n\r\n",
        "\r\nHTTP/1.1 200 OK\r\n\r\n",
        "\nHTTP/1.1 200 OK\n\n",
        "HTTP/1.1 200 OK\n\rX-A: 1\n\n", // a CR that ends no line
    })
    void refusesWhatADesyncOrSplittingAttemptWouldUse(String response) {
        assertThatThrownBy(() -> read(response, false)).isInstanceOf(HttpSyntaxException.class)
                .hasMessageStartingWith("malformed response: ");
    }

    @Test
    void refusesAHeadOverTheLimitBeforeItEnds() {
        ByteBuf in = ascii("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(ResponseHead.MAX_HEAD));

        assertThatThrownBy(() -> ResponseHead.read(in, ByteBufAllocator.DEFAULT, false))
                .isInstanceOf(HttpSyntaxException.class).hasMessageContaining("a head longer than");
    }

    private static ResponseHead read(String response, boolean headRequest) {
        return ResponseHead.read(ascii(response), ByteBufAllocator.DEFAULT, headRequest);
    }

    private static String text(ByteBuf buf) {
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}
