package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import java.nio.charset.StandardCharsets;

/** A minimal protocol-buffers wire-format reader: fields as (number, wire type, value), nothing more. */
final class ProtoReader {

    private final byte[] bytes;
    private int position;
    private final int end;

    ProtoReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ProtoReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    boolean hasNext() {
        return position < end;
    }

    /** Reads the next tag; returns the field number and leaves the wire type in {@link #wireType}. */
    int nextField() {
        long tag = varint();
        wireType = (int) (tag & 7);
        return (int) (tag >>> 3);
    }

    int wireType;

    long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = read();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw malformed();
    }

    byte[] bytes() {
        int length = (int) varint();
        if (length < 0 || position + length > end) {
            throw malformed();
        }
        byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    ProtoReader message() {
        byte[] value = bytes();
        return new ProtoReader(value);
    }

    /** Skips the value of the field just read. */
    void skip() {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> advance(8);
            case 2 -> bytes();
            case 5 -> advance(4);
            default -> throw malformed();
        }
    }

    private void advance(int count) {
        if (position + count > end) {
            throw malformed();
        }
        position += count;
    }

    private byte read() {
        if (position >= end) {
            throw malformed();
        }
        return bytes[position++];
    }

    private static ApiException malformed() {
        return ApiException.badRequest("malformed protobuf body");
    }
}
