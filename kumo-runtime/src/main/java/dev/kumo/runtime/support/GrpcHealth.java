package dev.kumo.runtime.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The gRPC Health Checking Protocol ({@code grpc.health.v1.Health/Check}) as a probe reads it: the request's
 * bytes, the answer's serving status, and the answer as the kubelet words it — SERVING passes, anything else fails
 * naming the status or the gRPC error.
 */
public final class GrpcHealth {

    /** The method's HTTP/2 path. */
    public static final String PATH = "/grpc.health.v1.Health/Check";

    /** gRPC's status codes by number, spelled as grpc-go (and so the kubelet) prints them. */
    private static final List<String> CODES = List.of("OK", "Canceled", "Unknown", "InvalidArgument",
            "DeadlineExceeded", "NotFound", "AlreadyExists", "PermissionDenied", "ResourceExhausted",
            "FailedPrecondition", "Aborted", "OutOfRange", "Unimplemented", "Internal", "Unavailable", "DataLoss",
            "Unauthenticated");
    private static final int DEADLINE_EXCEEDED = 4;
    private static final int UNIMPLEMENTED = 12;
    private static final int FRAME_HEADER = 5;

    /** {@code HealthCheckResponse.ServingStatus}. */
    public enum ServingStatus {
        UNKNOWN, SERVING, NOT_SERVING, SERVICE_UNKNOWN;

        static Optional<ServingStatus> of(long number) {
            return number >= 0 && number < values().length ? Optional.of(values()[(int) number]) : Optional.empty();
        }
    }

    /** What came back from one call: the HTTP status, {@code grpc-status} and {@code grpc-message}, the body. */
    public record Answer(int httpStatus, Optional<String> grpcStatus, Optional<String> grpcMessage, byte[] body) {
    }

    private GrpcHealth() {
    }

    /** The request body: one uncompressed gRPC message holding {@code HealthCheckRequest{service}}. */
    public static byte[] request(String service) {
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        if (name.length > 0) { // proto3 leaves a default (empty) string out
            message.write(0x0A); // field 1, length-delimited
            writeVarint(message, name.length);
            message.writeBytes(name);
        }
        byte[] payload = message.toByteArray();
        ByteArrayOutputStream framed = new ByteArrayOutputStream(FRAME_HEADER + payload.length);
        framed.write(0); // not compressed
        framed.write(payload.length >>> 24);
        framed.write(payload.length >>> 16);
        framed.write(payload.length >>> 8);
        framed.write(payload.length);
        framed.writeBytes(payload);
        return framed.toByteArray();
    }

    /**
     * The serving status in a response body (one gRPC message holding {@code HealthCheckResponse}); a status this
     * protocol version does not name reads as UNKNOWN.
     *
     * @throws IllegalArgumentException when the body is not one uncompressed, well-formed message
     */
    public static ServingStatus status(byte[] body) {
        if (body.length < FRAME_HEADER) {
            throw new IllegalArgumentException("a gRPC message needs a 5-byte header, got " + body.length + " bytes");
        }
        if (body[0] != 0) {
            throw new IllegalArgumentException("the answer is compressed (flag " + body[0] + "), none was accepted");
        }
        long length = ((body[1] & 0xFFL) << 24) | ((body[2] & 0xFF) << 16) | ((body[3] & 0xFF) << 8) | (body[4] & 0xFF);
        if (length != body.length - FRAME_HEADER) {
            throw new IllegalArgumentException("the message says " + length + " bytes, " + (body.length - FRAME_HEADER)
                    + " came");
        }
        long status = 0L; // absent: proto3's default, UNKNOWN
        int[] at = {FRAME_HEADER};
        while (at[0] < body.length) {
            long key = readVarint(body, at);
            int field = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            switch (wireType) {
                case 0 -> {
                    long value = readVarint(body, at);
                    if (field == 1) {
                        status = value;
                    }
                }
                case 1 -> at[0] += 8;
                case 2 -> {
                    long size = readVarint(body, at); // read before the position it advances is added to
                    at[0] += (int) Math.min(size, body.length);
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("wire type " + wireType + " of field " + field
                        + " is not protobuf's");
            }
            if (at[0] > body.length) {
                throw new IllegalArgumentException("field " + field + " runs past the message's end");
            }
        }
        return ServingStatus.of(status).orElse(ServingStatus.UNKNOWN);
    }

    /**
     * The probe's result from one answer, empty when SERVING; otherwise why not, in the kubelet's words (its
     * {@code pkg/probe/grpc}): "service unhealthy (responded with "NOT_SERVING")", "this server does not implement
     * the grpc health protocol …", "error: health rpc probe failed: rpc error: code = NotFound desc = …".
     */
    public static Optional<String> result(Answer answer, long timeoutMillis) {
        if (answer.httpStatus() != 200) {
            return Optional.of("error: health rpc probe failed: HTTP status " + answer.httpStatus()
                    + " (not a gRPC server?)");
        }
        if (answer.grpcStatus().isEmpty()) {
            return Optional.of("error: health rpc probe failed: the answer has no grpc-status (not a gRPC server?)");
        }
        int code;
        try {
            code = Integer.parseInt(answer.grpcStatus().get().trim());
        } catch (NumberFormatException e) {
            return Optional.of("error: health rpc probe failed: grpc-status " + answer.grpcStatus().get());
        }
        String message = answer.grpcMessage().map(GrpcHealth::percentDecoded).orElse("");
        if (code == UNIMPLEMENTED) {
            return Optional.of("this server does not implement the grpc health protocol (grpc.health.v1.Health): "
                    + message);
        }
        if (code == DEADLINE_EXCEEDED) {
            return Optional.of("timeout: health rpc did not complete within " + timeoutMillis + "ms");
        }
        if (code != 0) {
            String name = code > 0 && code < CODES.size() ? CODES.get(code) : "Code(" + code + ")";
            return Optional.of("error: health rpc probe failed: rpc error: code = " + name + " desc = " + message);
        }
        ServingStatus status;
        try {
            status = status(answer.body());
        } catch (IllegalArgumentException e) {
            return Optional.of("error: health rpc probe failed: " + e.getMessage());
        }
        return status == ServingStatus.SERVING ? Optional.empty()
                : Optional.of("service unhealthy (responded with \"" + status + "\")");
    }

    /** {@code grpc-message} is percent-encoded UTF-8 (and '+' is a plus, unlike a form). */
    static String percentDecoded(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
                    && Character.digit(value.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= bytes.length) {
                throw new IllegalArgumentException("a varint runs past the message's end");
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a varint longer than 10 bytes");
    }
}
