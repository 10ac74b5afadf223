package dev.kumo.runtime.spi;

import java.util.Objects;

/** What a probe checks: a TCP connect, an HTTP GET, or only that the process runs; port 0 means the serving port. */
public sealed interface Probe {

    /** The port probed, 0 for the serving port. */
    int port();

    /** Succeeds when a TCP connection to the port opens. */
    record TcpSocket(int port) implements Probe {
    }

    /** Succeeds when a GET of the path answers 2xx or 3xx. */
    record HttpGet(String path, int port) implements Probe {

        public HttpGet {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("httpGet path must start with '/': " + path);
            }
        }
    }

    /**
     * Succeeds while the process runs: the readiness of a workload that serves nothing (a ContainerSource's
     * adapter), as Kubernetes counts a container without a readiness probe ready once it started.
     */
    record Running() implements Probe {

        @Override
        public int port() {
            return 0;
        }
    }

    /** Knative's default: a TCP probe of the serving port. */
    static Probe defaultTcp() {
        return new TcpSocket(0);
    }
}
