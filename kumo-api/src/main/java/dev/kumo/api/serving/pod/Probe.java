package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/** A readiness, liveness or startup probe: one handler plus timing thresholds. */
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
    public static final Probe EMPTY = new Probe(null, null, null, null, null, null, null, null, null);

    public static Probe tcp() {
        return EMPTY.withTcpSocket(new TcpSocketAction(null, null));
    }

    public static Probe httpGet(String path) {
        return new Probe(null, null, null, new HttpGetAction(null, null, path, null, null), null, null, null, null,
                null);
    }

    public Probe withTcpSocket(TcpSocketAction value) {
        return new Probe(exec, failureThreshold, grpc, httpGet, initialDelaySeconds, periodSeconds, successThreshold,
                value, timeoutSeconds);
    }

    public Probe withGrpc(GrpcAction value) {
        return new Probe(exec, failureThreshold, value, httpGet, initialDelaySeconds, periodSeconds, successThreshold,
                tcpSocket, timeoutSeconds);
    }

    /** This probe with the given thresholds and timings; {@code null} leaves a field unset. */
    public Probe withTiming(Integer successThreshold, Integer failureThreshold, Integer periodSeconds,
            Integer timeoutSeconds) {
        return new Probe(exec, failureThreshold, grpc, httpGet, initialDelaySeconds, periodSeconds, successThreshold,
                tcpSocket, timeoutSeconds);
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
