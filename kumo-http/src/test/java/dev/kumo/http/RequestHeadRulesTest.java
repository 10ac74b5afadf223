package dev.kumo.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestHeadRulesTest {

    private static HttpRequest request(HttpVersion version, String method, String target, String... hosts) {
        HttpRequest request = new DefaultHttpRequest(version, HttpMethod.valueOf(method), target);
        for (String host : hosts) {
            request.headers().add("Host", host);
        }
        return request;
    }

    @Test
    void twoHostLinesAreRefusedEvenWithTheSameValue() {
        assertThat(RequestHeadRules.refusal(request(HttpVersion.HTTP_1_1, "GET", "/", "a", "b")))
                .isEqualTo("the request has 2 Host header lines \"a\", \"b\": send exactly one (RFC 9112 §3.2)");
        assertThat(RequestHeadRules.refusal(request(HttpVersion.HTTP_1_0, "GET", "/", "a", "a")))
                .startsWith("the request has 2 Host header lines");
    }

    @Test
    void http11NeedsAHostAndHttp10DoesNot() {
        assertThat(RequestHeadRules.refusal(request(HttpVersion.HTTP_1_1, "GET", "/")))
                .startsWith("the request has no Host header, which HTTP/1.1 requires");
        assertThat(RequestHeadRules.refusal(request(HttpVersion.HTTP_1_0, "GET", "/"))).isNull();
        assertThat(RequestHeadRules.refusal(request(HttpVersion.HTTP_1_1, "GET", "/", ""))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 00 | 2", "1 | 01 | 2", "9 | 09 | 2", "31 | 1F | 2", "127 | 7F | 2"})
    void aControlCharacterInTheTargetIsRefusedNamingItAndWhere(int c, String hex, int at) {
        String refusal = RequestHeadRules.refusal(request(HttpVersion.HTTP_1_1, "GET", "/a" + (char) c + "b", "h"));

        assertThat(refusal).isEqualTo("the request target has the control character 0x" + hex + " at position " + at
                + ": percent-encode it as %" + hex + " (RFC 9112 §3.2)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET     | /a/b?c=d%20e                  | ",
        "GET     | /caf\u00e9                    | ",
        "OPTIONS | *                             | ",
        "CONNECT | hello.localhost:443           | ",
        "GET     | http://hello.localhost/x      | ",
        "GET     | HTTPS://hello.localhost:8443  | ",
        "GET     | http://u:p@hello.localhost/x  | carries userinfo before its host",
        "GET     | http://h/a@b                  | ",
        "GET     | http:///x                     | has an empty host",
        "GET     | http://?x                     | has an empty host",
        "GET     | ftp://hello.localhost/x       | is neither a path nor an http URI",
        "GET     | hello                         | is neither a path nor an http URI"})
    void theTargetsFormsAreTheMethodsOwn(String method, String target, String refusal) {
        String answer = RequestHeadRules.targetRefusal(HttpMethod.valueOf(method), target);

        if (refusal == null) {
            assertThat(answer).isNull();
        } else {
            assertThat(answer).contains(refusal);
        }
    }

    @Test
    void anAbsoluteFormTargetsAuthorityReplacesEveryHostLine() {
        HttpRequest absolute = request(HttpVersion.HTTP_1_1, "GET", "http://Hello.localhost:8080/p?q", "other");
        RequestHeadRules.hostFromTarget(absolute);
        assertThat(absolute.headers().getAll("Host")).containsExactly("Hello.localhost:8080");

        HttpRequest withoutHost = request(HttpVersion.HTTP_1_0, "GET", "https://h.example");
        RequestHeadRules.hostFromTarget(withoutHost);
        assertThat(withoutHost.headers().getAll("Host")).containsExactly("h.example");

        HttpRequest origin = request(HttpVersion.HTTP_1_1, "GET", "/http://x/", "mine");
        RequestHeadRules.hostFromTarget(origin);
        assertThat(origin.headers().getAll("Host")).containsExactly("mine");
    }

    @Test
    void theVersionAndTransferCodingRulesStay() {
        assertThat(RequestHeadRules.refusal(request(HttpVersion.valueOf("HTTP/1.2"), "GET", "/", "h")))
                .isEqualTo("unsupported HTTP version \"HTTP/1.2\": send HTTP/1.1");
        HttpRequest gzip = request(HttpVersion.HTTP_1_1, "POST", "/", "h");
        gzip.headers().add("Transfer-Encoding", "gzip, chunked");
        assertThat(RequestHeadRules.refusal(gzip)).startsWith("Transfer-Encoding \"gzip, chunked\" is not supported");
    }
}
