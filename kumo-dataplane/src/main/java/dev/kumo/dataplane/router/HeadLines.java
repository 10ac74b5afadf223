package dev.kumo.dataplane.router;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an HTTP/1.1 message head in a buffer, found and checked once (RFC 9112 §2.2, §5): where each line,
 * name and value is, without copying a byte. Strict: a bare CR (a bare LF unless asked), obs-fold, white space before a colon, a name
 * that is not a token, a control character in a value are each an {@link HttpSyntaxException} naming what and where.
 * Performance: one pass over the bytes, four ints per line, names classified by length first.
 */
final class HeadLines {

    /** The few names the front acts on; every other header is forwarded as it came. */
    enum Name { CONTENT_LENGTH, TRANSFER_ENCODING, CONNECTION, HOST, HOP_BY_HOP, OTHER }

    /** The most header lines accepted in one head: what the size limit lets through (Netty's and Vert.x's only one). */
    static final int MAX_LINES = 4096;

    private static final boolean[] TOKEN = new boolean[256];
    private static final boolean[] FIELD = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            TOKEN[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || c < 0x80 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            FIELD[c] = c > ' ' && c != 0x7f || c == ' ' || c == '\t';
        }
    }

    private final ByteBuf in;
    private final int start;
    private final int[] at; // per line: start, name end (the colon), value start, value end (trimmed)
    private final int[] ends; // per line: the CR
    private final int count;

    private HeadLines(ByteBuf in, int start, int[] at, int[] ends, int count) {
        this.in = in;
        this.start = start;
        this.at = at;
        this.ends = ends;
        this.count = count;
    }

    /**
     * The index just past the blank line that ends a head starting at {@code from} in {@code [from, to)}, or -1 if it
     * has not all come yet; {@code what} ("request", "response") names the message in errors. {@code bareLf}: a line
     * may end with LF alone (RFC 9112 §2.2 lets a recipient take it; for responses, as Go's net/http does), else only
     * with CR LF.
     */
    static int endOfHead(ByteBuf in, int from, int to, int max, String what, boolean bareLf) {
        int limit = Math.min(to, from + max);
        int i = from;
        while (true) {
            int lf = in.indexOf(i, limit, (byte) '\n');
            if (lf < 0) {
                if (to - from >= max) {
                    throw new HttpSyntaxException("malformed " + what + ": a head longer than " + max + " bytes");
                }
                return -1;
            }
            boolean crlf = lf > i && in.getByte(lf - 1) == '\r';
            if (!crlf && !bareLf) {
                throw new HttpSyntaxException("malformed " + what + ": a bare LF (lines end with CR LF)");
            }
            if (lf == (crlf ? i + 1 : i)) { // a blank line
                if (i == from) {
                    throw new HttpSyntaxException("malformed " + what + ": an empty line before the start line");
                }
                return lf + 1;
            }
            i = lf + 1;
        }
    }

    /**
     * Splits and checks the head in {@code [start, end)}, which {@link #endOfHead} found (with the same
     * {@code bareLf}); a CR anywhere but before a line's LF is refused by the checks of the line it is in.
     */
    static HeadLines split(ByteBuf in, int start, int end, String what) {
        int[] at = new int[64];
        int[] ends = new int[16];
        int count = 0;
        int i = start;
        int blank = in.getByte(end - 2) == '\r' ? end - 2 : end - 1; // the blank line ending the head
        while (i < blank) {
            int lf = in.indexOf(i, blank, (byte) '\n');
            int contentEnd = in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            if (count == MAX_LINES) {
                throw new HttpSyntaxException("malformed " + what + ": more than " + MAX_LINES + " header lines");
            }
            if (count == ends.length) {
                ends = java.util.Arrays.copyOf(ends, count * 2);
                at = java.util.Arrays.copyOf(at, count * 8);
            }
            ends[count] = contentEnd;
            if (count == 0) {
                startLine(in, i, contentEnd, what);
            } else {
                field(in, i, contentEnd, at, count * 4, what);
            }
            count++;
            i = lf + 1;
        }
        return new HeadLines(in, start, at, ends, count);
    }

    // Performance: forEachByte checks the buffer once per range, where getByte checks it on every byte.
    private static final ByteProcessor NOT_TOKEN = b -> TOKEN[b & 0xff];
    private static final ByteProcessor NOT_FIELD = b -> FIELD[b & 0xff];
    private static final ByteProcessor NOT_LINE = b -> FIELD[b & 0xff] && b != '\t';

    private static void startLine(ByteBuf in, int from, int to, String what) {
        int bad = in.forEachByte(from, to - from, NOT_LINE);
        if (bad >= 0) {
            throw new HttpSyntaxException("malformed " + what + ": " + ChunkScanner.shown(in.getByte(bad))
                    + " in the start line");
        }
    }

    /** Checks the field line {@code [from, to)} and records where its parts are at {@code at[slot..slot+3]}. */
    private static void field(ByteBuf in, int from, int to, int[] at, int slot, String what) {
        byte first = in.getByte(from);
        if (first == ' ' || first == '\t') {
            throw new HttpSyntaxException("malformed " + what + ": an obs-folded line (it starts with white space)");
        }
        int i = in.forEachByte(from, to - from, NOT_TOKEN);
        if (i < 0) {
            i = to;
        }
        if (i == to || in.getByte(i) != ':') {
            String name = in.toString(from, Math.min(i - from, 64), StandardCharsets.ISO_8859_1);
            throw new HttpSyntaxException("malformed " + what + ": header \"" + name + "\" followed by "
                    + (i == to ? "no colon" : ChunkScanner.shown(in.getByte(i)))
                    + " (a token name, then a colon, no white space between)");
        }
        if (i == from) {
            throw new HttpSyntaxException("malformed " + what + ": a header line without a name");
        }
        at[slot] = from;
        at[slot + 1] = i;
        int value = i + 1;
        int bad = value < to ? in.forEachByte(value, to - value, NOT_FIELD) : -1;
        if (bad >= 0) {
            throw new HttpSyntaxException("malformed " + what + ": " + ChunkScanner.shown(in.getByte(bad))
                    + " in the value of header \"" + in.toString(from, i - from, StandardCharsets.ISO_8859_1)
                    + "\"");
        }
        int end = to;
        while (value < end && isSpace(in.getByte(value))) {
            value++;
        }
        while (end > value && isSpace(in.getByte(end - 1))) {
            end--;
        }
        at[slot + 2] = value;
        at[slot + 3] = end;
    }

    /** Whether {@code b} may be in a field name (RFC 9110's tchar). */
    static boolean isToken(byte b) {
        return TOKEN[b & 0xff];
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    int count() {
        return count;
    }

    /** Where line {@code n} starts. */
    int lineStart(int n) {
        return n == 0 ? start : at[n * 4];
    }

    /** Where line {@code n}'s content ends (its CR, or its LF when it ends with a bare one). */
    int lineEnd(int n) {
        return ends[n];
    }

    /** What line {@code n} (from 1) names, among the headers the front acts on. */
    Name name(int n) {
        int from = at[n * 4];
        int length = at[n * 4 + 1] - from;
        return switch (length) {
            case 2 -> is(from, length, "te") ? Name.HOP_BY_HOP : Name.OTHER;
            case 4 -> is(from, length, "host") ? Name.HOST : Name.OTHER;
            case 7 -> is(from, length, "trailer") || is(from, length, "upgrade") ? Name.HOP_BY_HOP : Name.OTHER;
            case 10 -> is(from, length, "connection") ? Name.CONNECTION
                    : is(from, length, "keep-alive") || isProxy(from, length) ? Name.HOP_BY_HOP : Name.OTHER;
            case 14 -> is(from, length, "content-length") ? Name.CONTENT_LENGTH
                    : isProxy(from, length) ? Name.HOP_BY_HOP : Name.OTHER;
            case 17 -> is(from, length, "transfer-encoding") ? Name.TRANSFER_ENCODING
                    : isProxy(from, length) ? Name.HOP_BY_HOP : Name.OTHER;
            default -> isProxy(from, length) ? Name.HOP_BY_HOP : Name.OTHER;
        };
    }

    /** Whether line {@code n}'s name is {@code lower} (lower case), ignoring case. */
    boolean nameIs(int n, String lower) {
        int from = at[n * 4];
        return at[n * 4 + 1] - from == lower.length() && is(from, lower.length(), lower);
    }

    private boolean isProxy(int from, int length) {
        return length > 6 && is(from, 6, "proxy-");
    }

    private boolean is(int from, int length, String lower) {
        for (int i = 0; i < length; i++) {
            int c = in.getByte(from + i);
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether line {@code n}'s value is {@code lower}, ignoring case. */
    boolean valueIs(int n, String lower) {
        int from = at[n * 4 + 2];
        return at[n * 4 + 3] - from == lower.length() && is(from, lower.length(), lower);
    }

    /** Line {@code n}'s value, trimmed. */
    String value(int n) {
        return in.toString(at[n * 4 + 2], at[n * 4 + 3] - at[n * 4 + 2], StandardCharsets.ISO_8859_1);
    }

    /** Line {@code n}'s name. */
    String nameText(int n) {
        return in.toString(at[n * 4], at[n * 4 + 1] - at[n * 4], StandardCharsets.ISO_8859_1);
    }

    /** Line {@code n}'s value as a Content-Length: decimal digits only. */
    long contentLength(int n, String message) {
        int from = at[n * 4 + 2];
        int to = at[n * 4 + 3];
        if (to == from || to - from > 18) {
            throw badLength(n, message);
        }
        long length = 0;
        for (int i = from; i < to; i++) {
            int digit = in.getByte(i) - '0';
            if (digit < 0 || digit > 9) {
                throw badLength(n, message);
            }
            length = length * 10 + digit;
        }
        return length;
    }

    private HttpSyntaxException badLength(int n, String message) {
        return new HttpSyntaxException("malformed " + message + ": Content-Length \"" + value(n)
                + "\" (decimal digits, one value)");
    }

    /**
     * Marks in {@code drop} the lines whose names a Connection header lists (they are hop-by-hop too), but for
     * Content-Length: the length frames the body whatever Connection lists.
     */
    void dropListedInConnection(boolean[] drop) {
        StringBuilder connection = new StringBuilder();
        for (int n = 1; n < count; n++) {
            if (name(n) == Name.CONNECTION) {
                connection.append(value(n)).append(',');
            }
        }
        String listed = connection.toString();
        for (int n = 1; n < count; n++) {
            if (!drop[n] && name(n) != Name.CONTENT_LENGTH && ForwardingHeaders.listedIn(listed, nameText(n))) {
                drop[n] = true;
            }
        }
    }

    static boolean startsWith(ByteBuf in, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (in.getByte(at + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
