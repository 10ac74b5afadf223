package dev.kumo.dataplane.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An instance's response head, read from its bytes (RFC 9112) the way the front forwards it: the status, how the
 * body is framed, whether the connection stays open, and the head to send on as bytes, starting {@code HTTP/1.1 }
 * and without the hop-by-hop lines (nor the blank line that ends it, for the front to add its own lines first).
 * Strict: what a response-splitting or desync attempt would use (both Content-Length and Transfer-Encoding,
 * differing lengths, a coding other than {@code chunked}, obs-fold, a bare CR, white space before a colon,
 * control characters, a head over {@link #MAX_HEAD} bytes) is an {@link HttpSyntaxException}. A line may end with a
 * bare LF, as Go's net/http in Knative's queue-proxy takes it (a CGI script's, a shell {@code nc} one-liner's);
 * every line goes on ending with CR LF.
 *
 * @param status the status code
 * @param keepAlive whether the instance keeps the connection open after this response
 * @param framing how the body ends
 * @param length the body's length, for {@link Framing#LENGTH}
 * @param head the head to forward (owned by the caller)
 */
record ResponseHead(int status, boolean keepAlive, Framing framing, long length, ByteBuf head) {

    /** The largest response head accepted, as Netty's client codec's line and header limits together. */
    static final int MAX_HEAD = 4096 + 8192;

    /** How a response body ends. */
    enum Framing {
        /** No body: HEAD, 1xx, 204, 304, or a zero Content-Length. */
        NONE,
        /** Content-Length bytes. */
        LENGTH,
        /** Chunked coding (forwarded as it is). */
        CHUNKED,
        /** The instance closes the connection at its end. */
        CLOSE
    }

    private static final byte[] HTTP_1_1 = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);
    private static final int CRLF = ('\r' << 8) | '\n';

    /**
     * The head at {@code in}'s reader index, read past if complete (else null, nothing read); {@code headRequest}:
     * the request was a HEAD, so no body follows whatever the head says.
     */
    static ResponseHead read(ByteBuf in, ByteBufAllocator alloc, boolean headRequest) {
        int start = in.readerIndex();
        int end = HeadLines.endOfHead(in, start, in.writerIndex(), MAX_HEAD, "response", true);
        if (end < 0) {
            return null;
        }
        HeadLines lines = HeadLines.split(in, start, end, "response");
        int status = statusLine(in, start, lines.lineEnd(0));
        boolean http11 = in.getByte(start + 7) == '1';
        long length = -1;
        boolean chunked = false;
        boolean close = !http11;
        boolean listsOthers = false;
        boolean[] drop = new boolean[lines.count()];
        for (int n = 1; n < lines.count(); n++) {
            switch (lines.name(n)) {
                case CONTENT_LENGTH -> {
                    long value = lines.contentLength(n, "response");
                    if (length >= 0 && value != length) {
                        throw new HttpSyntaxException("malformed response: Content-Length " + length + " and "
                                + value + " (one length, please)");
                    }
                    drop[n] = length >= 0; // the same length again: forwarded once
                    length = value;
                }
                case TRANSFER_ENCODING -> {
                    if (chunked || !lines.valueIs(n, "chunked")) {
                        throw new HttpSyntaxException("malformed response: Transfer-Encoding \"" + lines.value(n)
                                + "\" (only a single chunked coding is forwarded)");
                    }
                    chunked = true;
                    drop[n] = true;
                }
                case CONNECTION -> {
                    drop[n] = true;
                    String tokens = lines.value(n);
                    close = tokens(tokens, close);
                    listsOthers |= !tokens.isBlank() && !onlyKnownTokens(tokens);
                }
                case HOP_BY_HOP -> drop[n] = true;
                case OTHER -> {
                }
            }
        }
        if (chunked && length >= 0) {
            throw new HttpSyntaxException("malformed response: both Content-Length and Transfer-Encoding");
        }
        if (listsOthers) {
            lines.dropListedInConnection(drop);
        }
        if (status < 200 || status == 204) {
            for (int n = 1; n < lines.count(); n++) {
                drop[n] |= lines.name(n) == HeadLines.Name.CONTENT_LENGTH; // RFC 9110 §8.6: never on these
            }
        }
        Framing framing;
        if (headRequest || status < 200 || status == 204 || status == 304) {
            framing = Framing.NONE;
        } else if (chunked) {
            framing = Framing.CHUNKED;
        } else if (length >= 0) {
            framing = length == 0 ? Framing.NONE : Framing.LENGTH;
        } else {
            framing = Framing.CLOSE;
        }
        ByteBuf head = alloc.buffer(end - start + 64);
        head.writeBytes(HTTP_1_1);
        head.writeBytes(in, start + 9, lines.lineEnd(0) - (start + 9));
        if (lines.lineEnd(0) - start == 12) {
            head.writeByte(' '); // a status line without a reason still has the space before it (RFC 9112 §4)
        }
        head.writeShort(CRLF);
        for (int n = 1; n < lines.count(); n++) {
            if (!drop[n]) { // each line ended with CR LF, whatever the instance ended it with
                head.writeBytes(in, lines.lineStart(n), lines.lineEnd(n) - lines.lineStart(n)).writeShort(CRLF);
            }
        }
        in.readerIndex(end);
        return new ResponseHead(status, !close, framing, length, head);
    }

    /** {@code HTTP/1.x SSS reason}: the status code. */
    private static int statusLine(ByteBuf in, int start, int end) {
        if (end - start < 12 || !HeadLines.startsWith(in, start, "HTTP/1.") || in.getByte(start + 8) != ' '
                || (in.getByte(start + 7) != '0' && in.getByte(start + 7) != '1')
                || end - start > 12 && in.getByte(start + 12) != ' ') {
            throw new HttpSyntaxException("malformed response: status line \""
                    + in.toString(start, Math.min(end - start, 80), StandardCharsets.ISO_8859_1)
                    + "\" (HTTP/1.0 or HTTP/1.1, a space, three digits)");
        }
        int status = 0;
        for (int i = start + 9; i < start + 12; i++) {
            int digit = in.getByte(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new HttpSyntaxException("malformed response: status code \""
                        + in.toString(start + 9, 3, StandardCharsets.ISO_8859_1) + "\" (three digits)");
            }
            status = status * 10 + digit;
        }
        if (status < 100) {
            throw new HttpSyntaxException("malformed response: status code " + status + " (100 to 999)");
        }
        return status;
    }

    /** Whether the connection closes after this message, given the Connection header's {@code tokens}. */
    private static boolean tokens(String tokens, boolean close) {
        boolean result = close;
        for (String token : tokens.split(",")) {
            String t = token.strip();
            if (t.equalsIgnoreCase("close")) {
                return true;
            }
            if (t.equalsIgnoreCase("keep-alive")) {
                result = false;
            }
        }
        return result;
    }

    private static boolean onlyKnownTokens(String tokens) {
        return Arrays.stream(tokens.split(",")).map(String::strip)
                .allMatch(t -> t.equalsIgnoreCase("close") || t.equalsIgnoreCase("keep-alive"));
    }
}
