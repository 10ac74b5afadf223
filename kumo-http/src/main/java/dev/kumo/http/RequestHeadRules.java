package dev.kumo.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Iterator;
import java.util.List;

/**
 * What RFC 9112 asks of a request head that Netty's decoder lets through, checked before any listener acts on it: a
 * version Kumo speaks, a Transfer-Encoding of {@code chunked} alone, exactly one Host line (none allowed in HTTP/1.0),
 * a target without control characters in one of the forms the method allows; and an absolute-form target's
 * authority replaces the Host (RFC 9112 §3.2.2), so that routing, forwarding and the instance all see that host.
 */
final class RequestHeadRules {

    /** Longer than any host or path a message needs to show: a target echoed in a refusal is cut there. */
    private static final int SHOWN = 200;

    private RequestHeadRules() {
    }

    /**
     * Why {@code request} must be refused with 400, or null when it may go on. Performance: the common head (an
     * origin-form target, one Host) costs one scan of the target and a look-up of Host; null rather than Optional
     * on this per-request path.
     */
    static String refusal(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            // Vert.x would answer 501 for a version it does not know: the client's mistake, so a 4xx.
            return "unsupported HTTP version \"" + version + "\": send HTTP/1.1";
        }
        HttpHeaders headers = request.headers();
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING) && !onlyChunked(headers)) {
            // Netty takes "gzip, chunked" as chunked and would pass gzip's bytes on as the body: refused, as Go's
            // net/http (Knative's queue-proxy) refuses a coding it does not know — with a 4xx, the client's mistake.
            return "Transfer-Encoding \"" + String.join(", ", headers.getAll(HttpHeaderNames.TRANSFER_ENCODING))
                    + "\" is not supported: send the body with Transfer-Encoding: chunked alone, or with a "
                    + "Content-Length";
        }
        String host = hostRefusal(headers, version);
        return host != null ? host : targetRefusal(request.method(), request.uri());
    }

    /** RFC 9112 §3.2: more than one Host line, or none in HTTP/1.1, is a 400. */
    private static String hostRefusal(HttpHeaders headers, HttpVersion version) {
        Iterator<? extends CharSequence> hosts = headers.valueCharSequenceIterator(HttpHeaderNames.HOST);
        if (!hosts.hasNext()) {
            return version == HttpVersion.HTTP_1_1 ? "the request has no Host header, which HTTP/1.1 requires: send "
                    + "the host the request is for, e.g. Host: hello.default.example (RFC 9112 §3.2)" : null;
        }
        hosts.next();
        if (!hosts.hasNext()) {
            return null;
        }
        List<String> all = headers.getAll(HttpHeaderNames.HOST);
        return "the request has " + all.size() + " Host header lines " + shown(String.join("\", \"", all))
                + ": send exactly one (RFC 9112 §3.2)";
    }

    /**
     * A target with a control character, or not in a form {@code method} may use: origin-form ({@code /path}),
     * absolute-form with an http or https URI that names a host and no userinfo, {@code *}, or CONNECT's
     * authority-form (left to the listener, as before).
     */
    static String targetRefusal(HttpMethod method, String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return "the request target has the control character 0x" + String.format("%02X", (int) c)
                        + " at position " + i + ": percent-encode it as %" + String.format("%02X", (int) c)
                        + " (RFC 9112 §3.2)";
            }
        }
        if (target.startsWith("/") || target.equals("*") || HttpMethod.CONNECT.equals(method)) {
            return null;
        }
        int authority = authorityStart(target);
        if (authority < 0) {
            return "the request target " + shown(target) + " is neither a path nor an http URI: send a path, "
                    + "e.g. GET /index.html, with the host in Host";
        }
        int end = authorityEnd(target, authority);
        int at = target.lastIndexOf('@', end - 1);
        if (at >= authority) {
            return "the request target " + shown(target) + " carries userinfo before its host: send the target "
                    + "without it (RFC 9110 §4.2.4)";
        }
        if (end == authority) {
            return "the request target " + shown(target) + " has an empty host: name the host, as in "
                    + "http://hello.default.example/, or send a path (RFC 9110 §4.2.1)";
        }
        return null;
    }

    /**
     * For an absolute-form target ({@code http://host:port/path}), makes its authority the request's only Host, as
     * RFC 9112 §3.2.2 has a server ignore the Host line and a proxy forward a Host made from the target. Call only
     * for a request {@link #refusal} let through.
     */
    static void hostFromTarget(HttpRequest request) {
        String target = request.uri();
        if (target.startsWith("/") || HttpMethod.CONNECT.equals(request.method())) {
            return; // Performance: the common case, one character looked at
        }
        int authority = authorityStart(target);
        if (authority >= 0) {
            request.headers().set(HttpHeaderNames.HOST, target.substring(authority, authorityEnd(target, authority)));
        }
    }

    /** Where the authority of an {@code http://} or {@code https://} URI starts (any case), or -1. */
    private static int authorityStart(String target) {
        if (target.regionMatches(true, 0, "http://", 0, 7)) {
            return 7;
        }
        return target.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
    }

    /** Where the authority starting at {@code from} ends: the path, query or fragment, or the end. */
    private static int authorityEnd(String target, int from) {
        for (int i = from; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return target.length();
    }

    /** Whether the Transfer-Encoding is {@code chunked} alone (one line, one coding, any case). */
    private static boolean onlyChunked(HttpHeaders headers) {
        List<String> all = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        return all.size() == 1 && "chunked".equalsIgnoreCase(all.get(0).trim());
    }

    private static String shown(String text) {
        return "\"" + (text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text) + "\"";
    }
}
