package dev.kumo.api.serving.pod;

/** Builds a {@link Probe}; every field starts unset. */
public final class ProbeBuilder {

    private ExecAction exec;
    private Integer failureThreshold;
    private GrpcAction grpc;
    private HttpGetAction httpGet;
    private Integer initialDelaySeconds;
    private Integer periodSeconds;
    private Integer successThreshold;
    private TcpSocketAction tcpSocket;
    private Integer timeoutSeconds;

    ProbeBuilder() {
    }

    public ProbeBuilder exec(ExecAction value) { exec = value; return this; }

    public ProbeBuilder failureThreshold(Integer value) { failureThreshold = value; return this; }

    public ProbeBuilder grpc(GrpcAction value) { grpc = value; return this; }

    public ProbeBuilder httpGet(HttpGetAction value) { httpGet = value; return this; }

    public ProbeBuilder initialDelaySeconds(Integer value) { initialDelaySeconds = value; return this; }

    public ProbeBuilder periodSeconds(Integer value) { periodSeconds = value; return this; }

    public ProbeBuilder successThreshold(Integer value) { successThreshold = value; return this; }

    public ProbeBuilder tcpSocket(TcpSocketAction value) { tcpSocket = value; return this; }

    public ProbeBuilder timeoutSeconds(Integer value) { timeoutSeconds = value; return this; }

    public Probe build() {
        return new Probe(exec, failureThreshold, grpc, httpGet, initialDelaySeconds, periodSeconds, successThreshold,
                tcpSocket, timeoutSeconds);
    }
}
