package dev.kumo.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * A piece of an HTTP/1.1 response already encoded (a proxy forwarding an instance's bytes): the codec sends its
 * bytes as they are and the {@link ClientGuard} counts it as a response's start or end, as it does a decoded
 * response's head and last content.
 */
public final class ResponseBytes extends DefaultByteBufHolder {

    private final boolean first;
    private final boolean last;

    /** {@code bytes}, the response's {@code first} piece (its head) or not, its {@code last} or not. */
    public ResponseBytes(ByteBuf bytes, boolean first, boolean last) {
        super(bytes);
        this.first = first;
        this.last = last;
    }

    /** Whether this piece starts with the response's head. */
    public boolean first() {
        return first;
    }

    /** Whether this piece ends the response. */
    public boolean last() {
        return last;
    }
}
