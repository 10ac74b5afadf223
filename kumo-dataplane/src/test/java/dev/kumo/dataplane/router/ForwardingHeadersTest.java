package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardingHeadersTest {

    @ParameterizedTest
    @CsvSource({"Connection,true", "keep-alive,true", "Proxy-Authorization,true", "proxy-connection,true",
        "TE,true", "Trailer,true", "Transfer-Encoding,true", "upgrade,true", "Host,false", "Content-Length,false",
        "Trailers,false", "X-Proxy,false", "Proxy,false", "Authorization,false", "Te-Extra,false"})
    void hopByHop(String name, boolean want) {
        assertThat(ForwardingHeaders.isHopByHop(name)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "keep-alive               | Keep-Alive | true",
        "Upgrade                  | upgrade    | true",
        "keep-alive, Upgrade      | upgrade    | true",
        "'  close ,  X-Foo  '     | x-foo      | true",
        "'close,,X-Foo,'          | X-Foo      | true",
        "keep-alive               | keep       | false",
        "keep-alive               | alive      | false",
        "X-Foo-Bar                | X-Foo      | false",
        "'X-Foo , '               | Date       | false"})
    void listedInConnection(String connection, String name, boolean want) {
        assertThat(ForwardingHeaders.listedIn(connection, name)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1                 | 127.0.0.1",
        "2001:db8::1               | \"[2001:db8::1]\""})
    void forNode(String address, String want) {
        assertThat(ForwardingHeaders.forNode(address)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hello.default.localhost      | hello.default.localhost",
        "hello.default.localhost:8080 | \"hello.default.localhost:8080\"",
        "a\"b                         | \"a\\\"b\"",
        "b\u00fccher.example          | \"b\u00fccher.example\"",
        "\u0430pple.example           | \"\u0430pple.example\"",
        "h\u00e9llo                    | \"h\u00e9llo\""})
    void hostIsQuotedWhenNotAToken(String host, String want) {
        assertThat(ForwardingHeaders.quoteIfNeeded(host)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "h.example       | true",
        "A-Z_0.9~!#$%&*+^`   | true",
        "''              | false",
        "b\u00fccher     | false",
        "\u00aa         | false",
        "\u0663         | false",
        "a b             | false",
        "a:80            | false"})
    void aTokenIsAsciiTcharOnly(String value, boolean want) {
        // Character.isLetterOrDigit took ü (0xFC), ª and the Arabic-Indic digit ٣ as token characters.
        assertThat(ForwardingHeaders.isToken(value)).isEqualTo(want);
    }

    @Test
    void withoutAHostNeitherHostParameterNorForwardedHostGoesOnNotEvenTheClients() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-Host", "evil").add("Accept", "a");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();

        ForwardingHeaders.copyRequest(in, out, "127.0.0.1", "", "http");

        assertThat(out.get("Forwarded")).isEqualTo("for=127.0.0.1;proto=http");
        assertThat(out.names()).containsExactlyInAnyOrder("Accept", "Forwarded", "X-Forwarded-For",
                "X-Forwarded-Proto");
    }

    @Test
    void connectionTokensJoinEveryLineOnBothHeaderKinds() {
        MultiMap vertx = MultiMap.caseInsensitiveMultiMap().add("Connection", "keep-alive").add("connection", "X-A");
        io.netty.handler.codec.http.HttpHeaders netty = new io.netty.handler.codec.http.DefaultHttpHeaders()
                .add("Connection", "keep-alive").add("connection", "X-A");

        assertThat(ForwardingHeaders.connectionTokens(vertx.get("Connection"), vertx::getAll))
                .isEqualTo("keep-alive,X-A");
        assertThat(ForwardingHeaders.connectionTokens(netty.get("Connection"), netty::getAll))
                .isEqualTo("keep-alive,X-A");
        assertThat(ForwardingHeaders.connectionTokens(null, name -> {
            throw new AssertionError("asked for the lines of " + name + " with no Connection header");
        })).isNull();
    }

    @Test
    void requestCopyDropsHopByHopAndConnectionListedHeadersAndAppendsForwarding() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap()
                .add("Host", "hello.default.localhost").add("Accept", "a").add("Accept", "b")
                .add("Connection", "keep-alive, X-Secret").add("X-Secret", "s").add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked").add("Forwarded", "for=10.0.0.1")
                .add("X-Forwarded-For", "10.0.0.1").add("X-Forwarded-Host", "evil").add("X-Forwarded-Proto", "https");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();

        ForwardingHeaders.copyRequest(in, out, "192.168.1.2", "hello.default.localhost", "http");

        assertThat(out.names()).containsExactlyInAnyOrder("Host", "Accept", "Forwarded", "X-Forwarded-For",
                "X-Forwarded-Host", "X-Forwarded-Proto");
        assertThat(out.getAll("Accept")).containsExactly("a", "b");
        assertThat(out.getAll("Forwarded"))
                .containsExactly("for=10.0.0.1, for=192.168.1.2;host=hello.default.localhost;proto=http");
        assertThat(out.getAll("X-Forwarded-For")).containsExactly("10.0.0.1, 192.168.1.2");
        assertThat(out.getAll("X-Forwarded-Host")).containsExactly("hello.default.localhost");
        assertThat(out.getAll("X-Forwarded-Proto")).containsExactly("http");
    }

    @Test
    void aHeaderNamedOnASecondConnectionLineIsDroppedToo() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap().add("Connection", "keep-alive").add("X-One", "1")
                .add("connection", "X-Two").add("X-Two", "2").add("X-Three", "3");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();

        ForwardingHeaders.copyResponse(in, out);

        assertThat(out.names()).containsExactly("X-One", "X-Three");
    }

    @Test
    void aContentLengthTheConnectionHeaderNamesStaysAndAnOpenQuotedForwardedIsReplaced() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap().add("Connection", "Content-Length").add("Content-Length", "5")
                .add("Forwarded", "for=6.6.6.6;by=\"");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();

        ForwardingHeaders.copyRequest(in, out, "127.0.0.1", "h", "http");

        assertThat(out.get("Content-Length")).isEqualTo("5");
        assertThat(out.get("Forwarded")).isEqualTo("for=127.0.0.1;host=h;proto=http");
        assertThat(ForwardingHeaders.quotesClosed("for=\"a\\\"b\";by=x")).isTrue();
        assertThat(ForwardingHeaders.quotesClosed("for=\"a\\\"")).isFalse();
    }

    @Test
    void responseCopyDropsHopByHopOnly() {
        MultiMap in = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/plain")
                .add("Set-Cookie", "a=1").add("Set-Cookie", "b=2").add("Transfer-Encoding", "chunked")
                .add("Connection", "close").add("Proxy-Authenticate", "Basic");
        MultiMap out = MultiMap.caseInsensitiveMultiMap();

        ForwardingHeaders.copyResponse(in, out);

        assertThat(out.names()).containsExactlyInAnyOrder("Content-Type", "Set-Cookie");
        assertThat(out.getAll("Set-Cookie")).containsExactly("a=1", "b=2");
    }
}
