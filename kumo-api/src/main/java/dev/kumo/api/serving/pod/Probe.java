package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A readiness, liveness or startup probe: one handler plus timing thresholds. Build one with {@link #builder()} or
 * change one with {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Probe(
        ExecAction exec,
        Integer failureThreshold,
        GrpcAction grpc,
        HttpGetAction httpGet,
        Integer initialDelaySeconds,
        Integer periodSeconds,
        Integer successThreshold,
        TcpSocketAction tcpSocket,
        Integer timeoutSeconds) {

    /** A probe with no handler and no timing, to be filled in by defaults. */
    public static final Probe EMPTY = builder().build();

    public static ProbeBuilder builder() {
        return new ProbeBuilder();
    }

    /** A builder holding this probe's fields. */
    public ProbeBuilder toBuilder() {
        return new ProbeBuilder().exec(exec).failureThreshold(failureThreshold).grpc(grpc).httpGet(httpGet)
                .initialDelaySeconds(initialDelaySeconds).periodSeconds(periodSeconds)
                .successThreshold(successThreshold).tcpSocket(tcpSocket).timeoutSeconds(timeoutSeconds);
    }

    public static Probe tcp() {
        return EMPTY.withTcpSocket(new TcpSocketAction(null, null));
    }

    public static Probe httpGet(String path) {
        return builder().httpGet(new HttpGetAction(null, null, path, null, null)).build();
    }

    public Probe withTcpSocket(TcpSocketAction value) {
        return toBuilder().tcpSocket(value).build();
    }

    public Probe withGrpc(GrpcAction value) {
        return toBuilder().grpc(value).build();
    }

    /** This probe with the given thresholds and timings; {@code null} leaves a field unset. */
    public Probe withTiming(Integer successThreshold, Integer failureThreshold, Integer periodSeconds,
            Integer timeoutSeconds) {
        return toBuilder().successThreshold(successThreshold).failureThreshold(failureThreshold)
                .periodSeconds(periodSeconds).timeoutSeconds(timeoutSeconds).build();
    }

    /** The names of the handlers that are set, in schema order. */
    public List<String> handlers() {
        List<String> set = new ArrayList<>();
        if (httpGet != null) {
            set.add("httpGet");
        }
        if (tcpSocket != null) {
            set.add("tcpSocket");
        }
        if (exec != null) {
            set.add("exec");
        }
        if (grpc != null) {
            set.add("grpc");
        }
        return set;
    }
}
