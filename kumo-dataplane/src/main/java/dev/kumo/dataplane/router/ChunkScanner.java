package dev.kumo.dataplane.router;

import io.netty.buffer.ByteBuf;

/**
 * Finds where a chunked body (RFC 9112 §7.1) ends, reading it in pieces as they arrive: chunk sizes, extensions,
 * data, the last chunk and its trailers, each possibly split across reads. The bytes are forwarded as they are; this
 * only says how many belong to the message. Strict: a size that is not hex, a bare CR or LF, a control character, an
 * obs-folded or colon-less trailer, a trailer name that is not a token (or white space before its colon), a framing
 * or hop-by-hop field in the trailers, or a line over {@link #MAX_LINE} bytes is an {@link HttpSyntaxException}.
 */
final class ChunkScanner {

    /** The longest chunk-size line or trailer line accepted, and the most trailer bytes in all. */
    static final int MAX_LINE = 8192;

    private static final int SIZE = 0;
    private static final int SIZE_SPACE = 1;
    private static final int EXTENSION = 2;
    private static final int SIZE_LF = 3;
    private static final int DATA = 4;
    private static final int DATA_CR = 5;
    private static final int DATA_LF = 6;
    private static final int TRAILER_START = 7;
    private static final int TRAILER = 8;
    private static final int TRAILER_LF = 9;
    private static final int END_LF = 10;

    private int state = SIZE;
    private long size;
    private int digits;
    private int line;
    private int trailerBytes;
    private boolean colon;
    private final StringBuilder name = new StringBuilder();

    /** Starts a new body. */
    void reset() {
        state = SIZE;
        size = 0;
        digits = 0;
        line = 0;
        trailerBytes = 0;
    }

    /**
     * Scans {@code buf} from {@code from} (inclusive) to {@code to} (exclusive): the index just past the body's end
     * if it ends there, else -1 (all of it belongs to the body, which goes on).
     */
    int scan(ByteBuf buf, int from, int to) {
        int i = from;
        while (i < to) {
            if (state == DATA) {
                int take = (int) Math.min(size, to - i);
                size -= take;
                i += take;
                if (size == 0) {
                    state = DATA_CR;
                }
                continue;
            }
            byte b = buf.getByte(i++);
            switch (state) {
                case SIZE -> size(b);
                case SIZE_SPACE -> {
                    if (b == ';') {
                        state = EXTENSION;
                    } else if (b == '\r') {
                        state = SIZE_LF;
                    } else if (b != ' ' && b != '\t') {
                        throw bad("a chunk size followed by " + shown(b));
                    }
                }
                case EXTENSION -> {
                    if (b == '\r') {
                        state = SIZE_LF;
                    } else {
                        text(b, "a chunk extension");
                    }
                }
                case SIZE_LF -> {
                    expect(b, '\n', "a chunk size line");
                    line = 0;
                    state = size == 0 ? TRAILER_START : DATA;
                    digits = 0;
                }
                case DATA_CR -> {
                    expect(b, '\r', "the end of a chunk's data");
                    state = DATA_LF;
                }
                case DATA_LF -> {
                    expect(b, '\n', "the end of a chunk's data");
                    state = SIZE;
                }
                case TRAILER_START -> {
                    if (b == '\r') {
                        state = END_LF;
                    } else if (b == ' ' || b == '\t') {
                        throw bad("an obs-folded trailer line (it starts with white space)");
                    } else if (b == ':') {
                        throw bad("a trailer line without a name");
                    } else {
                        colon = false;
                        name.setLength(0);
                        trailerName(b);
                        state = TRAILER;
                    }
                }
                case TRAILER -> {
                    if (b == '\r') {
                        if (!colon) {
                            throw bad("a trailer line without a colon");
                        }
                        state = TRAILER_LF;
                    } else if (colon) {
                        text(b, "a trailer");
                    } else if (b == ':') {
                        colon = true;
                        text(b, "a trailer");
                        forwardable();
                    } else {
                        trailerName(b);
                    }
                }
                case TRAILER_LF -> {
                    expect(b, '\n', "a trailer line");
                    line = 0;
                    state = TRAILER_START;
                }
                case END_LF -> {
                    expect(b, '\n', "the last chunk");
                    reset();
                    return i;
                }
                default -> throw new IllegalStateException("chunk scanner state " + state);
            }
        }
        return -1;
    }

    private void size(byte b) {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            if (++digits > 15) {
                throw bad("a chunk size over 15 hex digits");
            }
            size = size << 4 | digit;
        } else if (digits == 0) {
            throw bad("a chunk size starting with " + shown(b));
        } else if (b == '\r') {
            state = SIZE_LF;
        } else if (b == ';') {
            state = EXTENSION;
        } else if (b == ' ' || b == '\t') {
            state = SIZE_SPACE;
        } else {
            throw bad("a chunk size followed by " + shown(b));
        }
    }

    /** A byte of a trailer's name: a token character (no white space before the colon). */
    private void trailerName(byte b) {
        if (!HeadLines.isToken(b)) {
            throw bad(shown(b) + " in a trailer's name (a token, then a colon, no white space between)");
        }
        text(b, "a trailer");
        if (name.length() < FORBIDDEN_LONGEST) {
            name.append((char) (b | 0x20)); // lower case for the letters; other token bytes do not match anyway
        }
    }

    /**
     * Refuses a trailer that would frame or route the message (RFC 9110 §6.5.1): a client that merged it into the
     * head could read another length or coding than the one the front framed the body with.
     */
    private void forwardable() {
        String lower = name.toString();
        if (FORBIDDEN_IN_TRAILERS.contains(lower)) {
            throw bad("a trailer field " + lower + " (framing and hop-by-hop fields are not forwarded in trailers)");
        }
    }

    private static final java.util.Set<String> FORBIDDEN_IN_TRAILERS = java.util.Set.of("content-length",
            "transfer-encoding", "trailer", "connection", "keep-alive", "te", "upgrade", "host",
            "proxy-connection");
    private static final int FORBIDDEN_LONGEST = "transfer-encoding".length() + 1;

    /** A byte of a line's text: no control characters but HTAB, within the length limits. */
    private void text(byte b, String where) {
        if (b < ' ' && b != '\t' || b == 0x7f) {
            throw bad(shown(b) + " in " + where);
        }
        if (++line > MAX_LINE || state >= TRAILER_START && ++trailerBytes > MAX_LINE) {
            throw bad(where + " longer than " + MAX_LINE + " bytes");
        }
    }

    private static void expect(byte b, char wanted, String where) {
        if (b != wanted) {
            throw bad(shown(b) + " where " + where + " must have " + (wanted == '\n' ? "LF" : "CR"));
        }
    }

    static String shown(byte b) {
        return b >= ' ' && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
    }

    private static HttpSyntaxException bad(String what) {
        return new HttpSyntaxException("malformed chunked body: " + what);
    }
}
