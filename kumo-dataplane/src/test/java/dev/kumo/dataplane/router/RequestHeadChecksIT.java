package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.http.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request heads RFC 9112 refuses or reads differently, as raw bytes against a real router on each engine (the
 * Netty front and the Vert.x router answer alike): two Host lines, an HTTP/1.1 request without Host and control
 * characters in the target are 400 and close, reaching no instance; an absolute-form target is routed by its
 * authority, which becomes the Host the instance sees; a request without a host forwards no empty {@code host=}.
 */
class RequestHeadChecksIT {

    private static final RevisionId HELLO = revision("hello-00001");
    private static final RevisionId OTHER = revision("other-00001");
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    /** A request after the refused one on the same connection: it must get no answer, the connection closes. */
    private static final String NEXT = "GET / HTTP/1.1\r\nHost: hello.default.localhost\r\n\r\n";

    private final List<RouterHarness> harnesses = new ArrayList<>();
    private final List<Backend> hellos = new ArrayList<>();

    @AfterEach
    void stop() {
        harnesses.forEach(RouterHarness::close);
    }

    /** What {@code scenario} gives on each engine, Vert.x's first; hello and other answer with their headers. */
    private List<String> onBoth(Function<RouterHarness, String> scenario) {
        return Arrays.stream(RouterEngine.values()).map(engine -> {
            RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withEngine(engine));
            harnesses.add(h);
            Backend hello = h.backend("hello");
            hellos.add(hello);
            h.ready(HELLO, hello);
            h.ready(OTHER, h.backend("other"));
            h.router.update(RouteTable.builder().host("hello.default.localhost", HELLO)
                    .host("other.default.localhost", OTHER).build());
            return scenario.apply(h);
        }).toList();
    }

    /** The statuses answered to {@code requests}, sent in one write, and whether the instances saw any request. */
    private List<String> refused(String requests) {
        return onBoth(h -> {
            String text = sendUntilClosed(h.router.port(), requests.getBytes(StandardCharsets.ISO_8859_1));
            return statuses(text) + (text.toLowerCase(Locale.ROOT).contains("connection: close") ? " close" : "")
                    + " instance saw " + hellos.get(hellos.size() - 1).requests.get();
        });
    }

    @Test
    void twoHostLinesAre400AndClose() {
        // RFC 9112 §3.2: a server MUST respond 400 to more than one Host line — the same value twice as well.
        assertThat(refused("GET / HTTP/1.1\r\nHost: hello.default.localhost\r\nHost: other.default.localhost\r\n\r\n"
                + NEXT)).containsExactly("400 close instance saw 0", "400 close instance saw 0");
        assertThat(refused("GET / HTTP/1.1\r\nHost: hello.default.localhost\r\nHost: hello.default.localhost\r\n\r\n"
                + NEXT)).containsExactly("400 close instance saw 0", "400 close instance saw 0");
    }

    @Test
    void anHttp11RequestWithoutHostIs400AndClose() {
        assertThat(refused("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n" + NEXT))
                .containsExactly("400 close instance saw 0", "400 close instance saw 0");
    }

    @Test
    void controlCharactersInTheTargetAre400AndClose() {
        for (String target : List.of("/a\u0001b", "/a\u007fb", "/a\u0000b", "/a\u001bb", "/a\tb")) {
            assertThat(refused("GET " + target + " HTTP/1.1\r\nHost: hello.default.localhost\r\n\r\n" + NEXT))
                    .as("target %s", target.chars().mapToObj(c -> String.format("%02x", c)).toList())
                    .containsExactly("400 close instance saw 0", "400 close instance saw 0");
        }
    }

    @Test
    void anAbsoluteFormTargetIsRoutedByItsAuthorityWhichBecomesTheForwardedHost() {
        // RFC 9112 §3.2.2: the Host line is ignored for the target's authority, and a proxy forwards a Host made
        // from the target — so the instance, the Forwarded host and X-Forwarded-Host all name hello.
        List<String> answers = onBoth(h -> RawAnswer.of(sendUntilClosed(h.router.port(), ("GET "
                + "http://Hello.Default.localhost:8080/path?q=1 HTTP/1.1\r\nHost: other.default.localhost\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))).summary());

        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(answers.get(0)).startsWith("200 hello").contains("host: Hello.Default.localhost:8080\n")
                .contains(";host=\"Hello.Default.localhost:8080\";")
                .contains("x-forwarded-host: Hello.Default.localhost:8080\n").doesNotContain("other.default");
    }

    @Test
    void anAbsoluteFormTargetForAnUnknownHostIs404EvenWithAKnownHostLine() {
        List<String> answers = onBoth(h -> RawAnswer.of(sendUntilClosed(h.router.port(), ("GET "
                + "http://nope.default.localhost/ HTTP/1.1\r\nHost: hello.default.localhost\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))).summary()
                + " instance saw " + hellos.get(hellos.size() - 1).requests.get());

        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(answers.get(0)).startsWith("404 none no Kumo route for host \"nope.default.localhost\"")
                .endsWith("instance saw 0");
    }

    @Test
    void anAbsoluteFormTargetWithUserinfoOrWithoutAHostIs400() {
        // RFC 9110 §4.2.4 (userinfo is an error, likely to hide the authority), §4.2.1 (an http URI's host is
        // never empty); a scheme other than http or https is no target this router serves.
        for (String target : List.of("http://evil@hello.default.localhost/", "http:///x", "ftp://hello/x")) {
            assertThat(refused("GET " + target + " HTTP/1.1\r\nHost: hello.default.localhost\r\n\r\n" + NEXT))
                    .as(target).containsExactly("400 close instance saw 0", "400 close instance saw 0");
        }
    }

    @Test
    void anHttp10RequestWithoutHostIsRoutedByItsAddressAndForwardsNoEmptyHost() {
        // HTTP/1.0 may omit Host: on the ingress port it names no route (404); on a Route's own address it is that
        // Route's, and the instance gets no empty host= in Forwarded and no empty X-Forwarded-Host.
        List<String> answers = onBoth(h -> {
            RawAnswer ingress = RawAnswer.of(sendUntilClosed(h.router.port(),
                    "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
            int address = h.router.listen("hello.default.localhost", 0);
            RawAnswer routed = RawAnswer.of(sendUntilClosed(address,
                    "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
            RawAnswer empty = RawAnswer.of(sendUntilClosed(address,
                    "GET / HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
            return ingress.status() + " " + ingress.body().startsWith("no Kumo route for a request that names no "
                    + "host (HTTP/1.0 without Host, or an empty Host): send Host") + " | " + routed.status() + " " + routed.header("forwarded") + " "
                    + routed.header("x-forwarded-host") + " | " + empty.status() + " " + empty.header("forwarded")
                    + " " + empty.header("x-forwarded-host");
        });

        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(answers.get(0)).matches("404 true \\| 200 for=127\\.0\\.0\\.1;proto=http null \\| "
                + "200 for=127\\.0\\.0\\.1;proto=http null");
    }

    @Test
    void aNonAsciiHostIsQuotedInForwarded() {
        // 0xFC (ü in Latin-1) is no tchar: Forwarded's host parameter must be a quoted-string (RFC 9110 §5.6.2).
        List<String> answers = onBoth(h -> {
            int address = h.router.listen("hello.default.localhost", 0);
            byte[] request = "GET / HTTP/1.1\r\nHost: b\u00fccher.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            RawAnswer answer = RawAnswer.of(sendUntilClosed(address, request));
            return answer.status() + " " + answer.header("forwarded");
        });

        assertThat(answers.get(1)).isEqualTo(answers.get(0));
        assertThat(answers.get(0)).startsWith("200 for=127.0.0.1;host=\"b").endsWith("cher.example\";proto=http");
    }

    /** The instance's echo of its request headers (see {@link Backend#echoHeaders}) read from a raw response. */
    private record RawAnswer(int status, String head, String body) {

        static RawAnswer of(String text) {
            int end = text.indexOf("\r\n\r\n");
            Matcher status = STATUS.matcher(text);
            return new RawAnswer(status.lookingAt() ? Integer.parseInt(status.group(1)) : -1,
                    end < 0 ? text : text.substring(0, end), end < 0 ? "" : text.substring(end + 4));
        }

        /** The instance that answered, from its X-Backend line. */
        String backend() {
            Matcher backend = Pattern.compile("(?im)^x-backend: (\\S+)").matcher(head);
            return backend.find() ? backend.group(1) : "none";
        }

        /** The value the instance saw for {@code name} (lower case), or "null". */
        String header(String name) {
            for (String line : body.split("\n")) {
                if (line.startsWith(name + ": ")) {
                    return line.substring(name.length() + 2);
                }
            }
            return "null";
        }

        String summary() {
            return status + " " + backend() + " " + body;
        }
    }

    private static String sendUntilClosed(int port, byte[] bytes) {
        return RawHttp.untilClosed(port, bytes, DEADLINE);
    }

    private static String statuses(String text) {
        return RawHttp.statuses(text);
    }

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})");
}
