package dev.kumo.dataplane.router;

import io.vertx.core.MultiMap;
import java.util.Map;

/**
 * Copies headers across the proxy: drops hop-by-hop headers (RFC 9110 §7.6.1, plus those the Connection header
 * names) and, on requests, adds {@code Forwarded} (RFC 7239), {@code X-Forwarded-For/-Proto/-Host}.
 */
final class ForwardingHeaders {

    private ForwardingHeaders() {
    }

    /** Copies request headers from {@code in} to {@code out} and adds the forwarding headers. */
    static void copyRequest(MultiMap in, MultiMap out, String clientAddress, String host, String proto) {
        copyEndToEnd(in, out);
        String element = "for=" + forNode(clientAddress) + ";host=" + quoteIfNeeded(host) + ";proto=" + proto;
        String forwarded = in.get("Forwarded");
        out.set("Forwarded", forwarded == null ? element : forwarded + ", " + element);
        String xff = in.get("X-Forwarded-For");
        out.set("X-Forwarded-For", xff == null ? clientAddress : xff + ", " + clientAddress);
        // The router is the edge: what a client claims about proto and host is overwritten, not trusted.
        out.set("X-Forwarded-Proto", proto);
        out.set("X-Forwarded-Host", host);
    }

    /** Copies response headers from {@code in} to {@code out}. */
    static void copyResponse(MultiMap in, MultiMap out) {
        copyEndToEnd(in, out);
    }

    private static void copyEndToEnd(MultiMap in, MultiMap out) {
        String connection = in.get("Connection");
        for (Map.Entry<String, String> header : in) {
            String name = header.getKey();
            if (!isHopByHop(name) && (connection == null || !listedIn(connection, name))) {
                out.add(name, header.getValue());
            }
        }
    }

    /** Whether {@code name} is a hop-by-hop header that a proxy must not forward. */
    static boolean isHopByHop(String name) {
        // Performance: a length switch avoids lower-casing every header name.
        return switch (name.length()) {
            case 2 -> name.equalsIgnoreCase("TE");
            case 7 -> name.equalsIgnoreCase("Trailer") || name.equalsIgnoreCase("Upgrade");
            case 10 -> name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Keep-Alive") || isProxy(name);
            case 17 -> name.equalsIgnoreCase("Transfer-Encoding") || isProxy(name);
            default -> isProxy(name);
        };
    }

    private static boolean isProxy(String name) {
        return name.regionMatches(true, 0, "Proxy-", 0, 6);
    }

    /**
     * Whether the comma-separated Connection header value lists {@code name}. Performance: compared in place (it runs
     * for every header of a response that says {@code Connection: keep-alive}), no substring per element.
     */
    static boolean listedIn(String connection, String name) {
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
            if (to - from == name.length() && connection.regionMatches(true, from, name, 0, name.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** RFC 7239 §6: IPv6 addresses are bracketed and quoted. */
    static String forNode(String address) {
        return address.indexOf(':') >= 0 ? "\"[" + address + "]\"" : address;
    }

    /** RFC 7239 §4: a value that is not a token (e.g. with ':' for a port) is a quoted string. */
    static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            }
        }
        return value;
    }
}
