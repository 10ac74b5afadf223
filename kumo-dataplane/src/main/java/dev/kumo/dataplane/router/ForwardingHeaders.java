package dev.kumo.dataplane.router;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Copies headers across the proxy: drops hop-by-hop headers (RFC 9110 §7.6.1, plus those the Connection header
 * names) and, on requests, adds {@code Forwarded} (RFC 7239), {@code X-Forwarded-For/-Proto/-Host}.
 */
public final class ForwardingHeaders {

    // Performance: names built once as AsciiString, whose case-insensitive hash Vert.x's headers reuse.
    private static final CharSequence FORWARDED = HttpHeaders.createOptimized("Forwarded");
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");

    private ForwardingHeaders() {
    }

    /**
     * Copies request headers from {@code in} to {@code out} and adds the forwarding headers; an empty {@code host}
     * (an HTTP/1.0 request without Host, or an empty Host line) gives no {@code host=} and no X-Forwarded-Host.
     */
    static void copyRequest(MultiMap in, MultiMap out, String clientAddress, String host, String proto) {
        copyEndToEnd(in, out);
        String element = "for=" + forNode(clientAddress) + (host.isEmpty() ? "" : ";host=" + quoteIfNeeded(host))
                + ";proto=" + proto;
        String forwarded = in.get(FORWARDED);
        out.set(FORWARDED, forwarded == null || !quotesClosed(forwarded) ? element : forwarded + ", " + element);
        String xff = in.get(X_FORWARDED_FOR);
        out.set(X_FORWARDED_FOR, xff == null ? clientAddress : xff + ", " + clientAddress);
        // The router is the edge: what a client claims about proto and host is overwritten, not trusted.
        out.set(X_FORWARDED_PROTO, proto);
        if (host.isEmpty()) {
            out.remove(X_FORWARDED_HOST);
        } else {
            out.set(X_FORWARDED_HOST, host);
        }
    }

    /** Copies response headers from {@code in} to {@code out}. */
    static void copyResponse(MultiMap in, MultiMap out) {
        copyEndToEnd(in, out);
    }

    /**
     * Performance: Vert.x's HTTP/1.1 headers are Netty {@code HttpHeaders}; their {@code CharSequence} iterator hands
     * out the stored name and value as they are, where the {@code MultiMap} one turns each into a String entry.
     */
    private static void copyEndToEnd(MultiMap in, MultiMap out) {
        String connection = connectionTokens(in.get(HttpHeaders.CONNECTION), in::getAll);
        if (in instanceof io.netty.handler.codec.http.HttpHeaders netty) {
            Iterator<Map.Entry<CharSequence, CharSequence>> headers = netty.iteratorCharSequence();
            while (headers.hasNext()) {
                Map.Entry<CharSequence, CharSequence> header = headers.next();
                copyIfEndToEnd(header.getKey(), header.getValue(), connection, out);
            }
        } else {
            for (Map.Entry<String, String> header : in) {
                copyIfEndToEnd(header.getKey(), header.getValue(), connection, out);
            }
        }
    }

    /**
     * All of the Connection header's tokens, its lines joined (a name on any line is hop-by-hop), or null when there
     * is none: {@code first} is its first line's value, {@code lines} gives every line's value for a name — Vert.x's
     * {@code MultiMap::getAll} and Netty's {@code HttpHeaders::getAll} alike. Performance: the lines are asked for
     * only when there is a Connection header.
     */
    static String connectionTokens(String first, Function<CharSequence, List<String>> lines) {
        if (first == null) {
            return null;
        }
        List<String> all = lines.apply(HttpHeaders.CONNECTION);
        return all.size() == 1 ? first : String.join(",", all);
    }

    private static void copyIfEndToEnd(CharSequence name, CharSequence value, String connection, MultiMap out) {
        if (!isHopByHop(name) && !droppedBy(connection, name)) {
            out.add(name, value);
        }
    }

    /**
     * Whether the Connection header's tokens ({@code connection}, null: none) make {@code name} hop-by-hop. Never
     * Content-Length: it frames the body that goes on, and dropping it would leave the body for the next hop to read
     * as a request (or response) of its own.
     */
    static boolean droppedBy(String connection, CharSequence name) {
        return connection != null && !is(name, "Content-Length") && listedIn(connection, name);
    }

    /** Whether {@code name} is a hop-by-hop header that a proxy must not forward. */
    static boolean isHopByHop(CharSequence name) {
        // Performance: a length switch avoids lower-casing every header name.
        return switch (name.length()) {
            case 2 -> is(name, "TE");
            case 7 -> is(name, "Trailer") || is(name, "Upgrade");
            case 10 -> is(name, "Connection") || is(name, "Keep-Alive") || isProxy(name);
            case 17 -> is(name, "Transfer-Encoding") || isProxy(name);
            default -> isProxy(name);
        };
    }

    private static boolean is(CharSequence name, String hopByHop) {
        return AsciiString.contentEqualsIgnoreCase(name, hopByHop);
    }

    private static boolean isProxy(CharSequence name) {
        return AsciiString.regionMatches(name, true, 0, "Proxy-", 0, 6);
    }

    /**
     * Whether the comma-separated Connection header value lists {@code name}. Performance: compared in place (it runs
     * for every header of a response that says {@code Connection: keep-alive}), no substring per element.
     */
    static boolean listedIn(String connection, CharSequence name) {
        int start = 0;
        while (start < connection.length()) {
            int comma = connection.indexOf(',', start);
            int end = comma < 0 ? connection.length() : comma;
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(connection.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(connection.charAt(to - 1))) {
                to--;
            }
            if (to - from == name.length() && AsciiString.regionMatches(connection, true, from, name, 0, name.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * Whether every quoted string in a client's {@code Forwarded} value is closed. Only such a value is extended: an
     * open quote would take the element the router appends into the client's string (RFC 7239 §4), so the value is
     * replaced instead.
     */
    static boolean quotesClosed(CharSequence value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return !quoted;
    }

    /** RFC 7239 §6: IPv6 addresses are bracketed and quoted. */
    static String forNode(String address) {
        return address.indexOf(':') >= 0 ? "\"[" + address + "]\"" : address;
    }

    /** RFC 7239 §4: a value that is not a token (e.g. with ':' for a port) is a quoted string. */
    static String quoteIfNeeded(String value) {
        return isToken(value) ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Whether {@code value} is a token (RFC 9110 §5.6.2, which RFC 7239 takes): one or more tchar, ASCII only — a
     * letter such as {@code ü} (0xFC, as Netty reads a Host's byte) is not one, so such a value is quoted.
     */
    static boolean isToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
