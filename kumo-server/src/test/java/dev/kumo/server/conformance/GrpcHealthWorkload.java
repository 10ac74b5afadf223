package dev.kumo.server.conformance;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;

/**
 * A gRPC workload for {@link ProtocolsIT}, run by Kumo as a child JVM: grpc-java's health service (service
 * {@code kumo} SERVING) over h2c on {@code $PORT}, until killed.
 */
public final class GrpcHealthWorkload {

    private GrpcHealthWorkload() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("kumo", ServingStatus.SERVING);
        Server server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                .addService(health.getHealthService()).build().start();
        server.awaitTermination();
    }
}
