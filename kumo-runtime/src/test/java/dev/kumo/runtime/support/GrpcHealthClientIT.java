package dev.kumo.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Probe;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gRPC health client against grpc-java's own server and {@code HealthStatusManager} on 127.0.0.1: each answer
 * the protocol has, a server without the health service, and nothing listening.
 */
class GrpcHealthClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HealthStatusManager HEALTH = new HealthStatusManager();
    private static Server withHealth;
    private static Server withoutHealth;
    private static GrpcHealthClient client;
    private static LoopbackProbe probes;

    @BeforeAll
    static void startServers() throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        withHealth = NettyServerBuilder.forAddress(loopback, InsecureServerCredentials.create())
                .addService(HEALTH.getHealthService()).build().start();
        withoutHealth = NettyServerBuilder.forAddress(loopback, InsecureServerCredentials.create()).build().start();
        client = GrpcHealthClient.ofItsOwn();
        probes = new LoopbackProbe(client);
        // The first check loads Vert.x's HTTP/2 client (a second or more on a busy machine): not what is tested.
        assertThat(client.check(withHealth.getPort(), Optional.empty(), Duration.ofSeconds(30))).isEmpty();
    }

    @AfterAll
    static void stopServers() {
        client.close();
        withHealth.shutdownNow();
        withoutHealth.shutdownNow();
    }

    @Test
    void servingPassesAndNotServingFailsNamingIt() {
        HEALTH.setStatus("kumo.Greeter", ServingStatus.SERVING);
        assertThat(client.check(withHealth.getPort(), Optional.empty(), TIMEOUT)).isEmpty();
        assertThat(client.check(withHealth.getPort(), Optional.of("kumo.Greeter"), TIMEOUT)).isEmpty();

        HEALTH.setStatus("kumo.Greeter", ServingStatus.NOT_SERVING);
        assertThat(client.check(withHealth.getPort(), Optional.of("kumo.Greeter"), TIMEOUT))
                .contains("service unhealthy (responded with \"NOT_SERVING\")");
        assertThat(probes.probe(new Probe.Grpc(withHealth.getPort(), Optional.of("kumo.Greeter")),
                withHealth.getPort(), TIMEOUT)).contains("gRPC probe of 127.0.0.1:" + withHealth.getPort()
                + " (service kumo.Greeter): service unhealthy (responded with \"NOT_SERVING\")");
    }

    @Test
    void anUnknownServiceIsGrpcsNotFound() {
        assertThat(client.check(withHealth.getPort(), Optional.of("kumo.Nobody"), TIMEOUT))
                .contains("error: health rpc probe failed: rpc error: code = NotFound desc = unknown service "
                        + "kumo.Nobody");
    }

    @Test
    void aServerWithoutTheHealthServiceDoesNotImplementTheProtocol() {
        assertThat(client.check(withoutHealth.getPort(), Optional.empty(), TIMEOUT)).get().asString()
                .startsWith("this server does not implement the grpc health protocol (grpc.health.v1.Health): ")
                .contains("grpc.health.v1.Health/Check");
    }

    @Test
    void nothingListeningFailsToConnect() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(client.check(closed, Optional.empty(), TIMEOUT)).get().asString()
                .startsWith("timeout: failed to connect service \"127.0.0.1:" + closed + "\" within 5000ms: ")
                .contains("Connection refused");
    }
}
