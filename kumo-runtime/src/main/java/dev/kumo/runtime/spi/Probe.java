package dev.kumo.runtime.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a probe checks: a TCP connect, an HTTP GET, a command run in the workload, a gRPC health check, or only that
 * the process runs; port 0 means the serving port.
 */
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

    /** Succeeds when the command, run in the workload's container (or its directory), exits 0: Kubernetes' exec. */
    record Exec(List<String> command) implements Probe {

        public Exec {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("an exec probe needs a command");
            }
        }

        @Override
        public int port() {
            return 0;
        }
    }

    /** Succeeds when the gRPC health service on the port answers SERVING for {@code service} (empty: the server). */
    record Grpc(int port, Optional<String> service) implements Probe {

        public Grpc {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("grpc probe port must be 0 (the serving port) or 1-65535, got "
                        + port);
            }
            Objects.requireNonNull(service, "service");
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
