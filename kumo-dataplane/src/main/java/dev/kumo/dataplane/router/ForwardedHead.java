package dev.kumo.dataplane.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The head the Netty front sends an instance for a client's decoded request, written straight to bytes: the request
 * line in HTTP/1.1, the client's headers in their order without the hop-by-hop ones (and those Connection names,
 * but never Content-Length, which frames the body that follows), then {@code Forwarded} and {@code X-Forwarded-For}
 * (the client's first value extended; a {@code Forwarded} with an open quote replaced), {@code X-Forwarded-Proto}
 * and {@code -Host} (the client's replaced; without a Host, no {@code host=} and no X-Forwarded-Host),
 * {@code transfer-encoding: chunked} for a chunked body, and the trace
 * context (replacing the client's lines of the same names) — what {@link ForwardingHeaders#copyRequest} gives on the
 * Vert.x path. Performance: one buffer, one pass over the headers, no header map changed and no encoder; the decoded
 * head stays as the client sent it, so a retry writes it again with that attempt's trace.
 */
final class ForwardedHead {

    private static final byte[] HTTP_1_1 = ascii(" HTTP/1.1\r\n");
    private static final byte[] FORWARDED = ascii("Forwarded: ");
    private static final byte[] X_FORWARDED_FOR = ascii("X-Forwarded-For: ");
    private static final byte[] X_FORWARDED_PROTO = ascii("X-Forwarded-Proto: ");
    private static final byte[] X_FORWARDED_HOST = ascii("X-Forwarded-Host: ");
    private static final byte[] TRANSFER_ENCODING_CHUNKED = ascii("transfer-encoding: chunked\r\n");
    private static final short COLON_SPACE = (':' << 8) | ' ';
    private static final short COMMA_SPACE = (',' << 8) | ' ';
    private static final short CRLF = ('\r' << 8) | '\n';

    private ForwardedHead() {
    }

    /**
     * The bytes for {@code head} from {@code clientAddress} over {@code proto}; {@code chunked}: the body goes on
     * chunked; {@code trace}: the trace context's lines as name, value, name, value… (null: untraced).
     */
    static ByteBuf write(ByteBufAllocator alloc, HttpRequest head, boolean chunked, String clientAddress, String proto,
            List<String> trace) {
        String uri = head.uri();
        ByteBuf out = alloc.buffer(512 + uri.length());
        requestLine(out, head, uri);
        HttpHeaders headers = head.headers();
        String connection = ForwardingHeaders.connectionTokens(headers.get(HttpHeaderNames.CONNECTION),
                headers::getAll);
        CharSequence host = null;
        CharSequence forwarded = null;
        CharSequence forwardedFor = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> all = headers.iteratorCharSequence();
        while (all.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = all.next();
            CharSequence name = header.getKey();
            switch (kind(name)) {
                case HOST -> {
                    if (host == null) {
                        host = header.getValue();
                    }
                    line(out, name, header.getValue());
                }
                case FORWARDED -> forwarded = forwarded == null ? header.getValue() : forwarded;
                case FORWARDED_FOR -> forwardedFor = forwardedFor == null ? header.getValue() : forwardedFor;
                case REPLACED, HOP_BY_HOP -> {
                }
                case OTHER -> {
                    if (!ForwardingHeaders.droppedBy(connection, name) && !traced(trace, name)) {
                        line(out, name, header.getValue());
                    }
                }
            }
        }
        String hostValue = host == null ? "" : host.toString();
        out.writeBytes(FORWARDED);
        if (forwarded != null && ForwardingHeaders.quotesClosed(forwarded)) {
            ByteBufUtil.writeAscii(out, forwarded);
            out.writeShort(COMMA_SPACE);
        }
        ByteBufUtil.writeAscii(out, "for=");
        ByteBufUtil.writeAscii(out, ForwardingHeaders.forNode(clientAddress));
        if (!hostValue.isEmpty()) {
            ByteBufUtil.writeAscii(out, ";host=");
            hostParameter(out, hostValue);
        }
        ByteBufUtil.writeAscii(out, ";proto=");
        ByteBufUtil.writeAscii(out, proto);
        out.writeShort(CRLF);
        out.writeBytes(X_FORWARDED_FOR);
        if (forwardedFor != null) {
            ByteBufUtil.writeAscii(out, forwardedFor);
            out.writeShort(COMMA_SPACE);
        }
        ByteBufUtil.writeAscii(out, clientAddress);
        out.writeShort(CRLF);
        out.writeBytes(X_FORWARDED_PROTO);
        ByteBufUtil.writeAscii(out, proto);
        out.writeShort(CRLF);
        if (!hostValue.isEmpty()) {
            out.writeBytes(X_FORWARDED_HOST);
            ByteBufUtil.writeAscii(out, hostValue);
            out.writeShort(CRLF);
        }
        if (chunked) {
            out.writeBytes(TRANSFER_ENCODING_CHUNKED);
        }
        if (trace != null) {
            for (int i = 0; i < trace.size(); i += 2) {
                line(out, trace.get(i), trace.get(i + 1));
            }
        }
        out.writeShort(CRLF);
        return out;
    }

    /**
     * The request line, as Netty's request encoder writes it (an absolute URI without a path gets its {@code /}),
     * but the target's bytes as the client sent them (Netty's decoder reads each byte as one char; its encoder
     * wrote them back as UTF-8, two bytes for each one over 0x7F).
     */
    private static void requestLine(ByteBuf out, HttpRequest head, String uri) {
        ByteBufUtil.copy(head.method().asciiName(), out);
        out.writeByte(' ');
        if (uri.isEmpty()) {
            out.writeByte('/');
        } else {
            int slashAt = pathlessAuthorityEnd(uri);
            if (slashAt < 0) {
                ByteBufUtil.writeAscii(out, uri);
            } else {
                ByteBufUtil.writeAscii(out, uri.substring(0, slashAt));
                out.writeByte('/');
                ByteBufUtil.writeAscii(out, uri.substring(slashAt));
            }
        }
        out.writeBytes(HTTP_1_1);
    }

    /** Where an absolute URI without a path needs its {@code /} ({@code http://h?q} → before the {@code ?}), or -1. */
    static int pathlessAuthorityEnd(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0 || uri.charAt(0) == '/') {
            return -1;
        }
        int authority = scheme + 3;
        int query = uri.indexOf('?', authority);
        int end = query < 0 ? uri.length() : query;
        return uri.lastIndexOf('/', end - 1) < authority ? end : -1;
    }

    /**
     * {@code host} as Forwarded's host parameter: as it is if a token, else quoted ({@link
     * ForwardingHeaders#quoteIfNeeded}). Performance: written in place, no String per request for a host with a port.
     */
    private static void hostParameter(ByteBuf out, String host) {
        if (ForwardingHeaders.isToken(host)) {
            ByteBufUtil.writeAscii(out, host);
            return;
        }
        out.writeByte('"');
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '"' || c == '\\') {
                out.writeByte('\\');
            }
            out.writeByte(c > 0xFF ? '?' : c);
        }
        out.writeByte('"');
    }

    private enum Kind { HOST, FORWARDED, FORWARDED_FOR, REPLACED, HOP_BY_HOP, OTHER }

    /** What becomes of a header named {@code name}. Performance: a length switch, no lower-casing. */
    private static Kind kind(CharSequence name) {
        if (ForwardingHeaders.isHopByHop(name)) {
            return Kind.HOP_BY_HOP;
        }
        return switch (name.length()) {
            case 4 -> is(name, "Host") ? Kind.HOST : Kind.OTHER;
            case 9 -> is(name, "Forwarded") ? Kind.FORWARDED : Kind.OTHER;
            case 15 -> is(name, "X-Forwarded-For") ? Kind.FORWARDED_FOR : Kind.OTHER;
            case 16 -> is(name, "X-Forwarded-Host") ? Kind.REPLACED : Kind.OTHER;
            case 17 -> is(name, "X-Forwarded-Proto") ? Kind.REPLACED : Kind.OTHER;
            default -> Kind.OTHER;
        };
    }

    /** Whether the trace context replaces the client's header {@code name}. */
    private static boolean traced(List<String> trace, CharSequence name) {
        if (trace != null) {
            for (int i = 0; i < trace.size(); i += 2) {
                if (is(name, trace.get(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean is(CharSequence name, String other) {
        return AsciiString.contentEqualsIgnoreCase(name, other);
    }

    /**
     * One header line. Performance: {@code writeAscii} copies an {@code AsciiString}'s bytes as they are and writes
     * a String's chars as single bytes, so a value's obs-text bytes go on unchanged, as Netty's encoder writes them.
     */
    private static void line(ByteBuf out, CharSequence name, CharSequence value) {
        ByteBufUtil.writeAscii(out, name);
        out.writeShort(COLON_SPACE);
        ByteBufUtil.writeAscii(out, value);
        out.writeShort(CRLF);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
