package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails part-way stops what it had started, through the one ordered component list: the listeners it
 * had bound are free again and the data directory can be started at once.
 */
class StartRollbackIT {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path temp;

    @Test
    void aFailedStartOfEventingStopsTheApiServerTheRouterAndTheStore() throws IOException {
        Path dataDir = temp.resolve("data");
        int apiPort = freePort();
        int ingressPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 50, LOOPBACK)) {
            ServerConfig config = new ServerConfig(dataDir, new ServerConfig.HostPort("127.0.0.1", apiPort),
                    new ServerConfig.HostPort("127.0.0.1", ingressPort), "sqlite", true, true)
                    .withEventing(EventingConfig.on(new ServerConfig.HostPort("127.0.0.1", taken.getLocalPort())));

            assertThatThrownBy(() -> KumoServer.start(config)).isInstanceOf(RuntimeException.class);
        }

        assertThat(bindable(apiPort)).as("the API server's port is free again").isTrue();
        assertThat(bindable(ingressPort)).as("the router's port is free again").isTrue();
        try (KumoServer again = KumoServer.start(TestServers.config(dataDir))) {
            assertThat(again.apiPort()).isPositive();
            assertThat(again.ingressPort()).isPositive();
        }
    }

    @Test
    void aFailedStartOfTheRouterReleasesTheDataDirectory() throws IOException {
        Path dataDir = temp.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 50, LOOPBACK)) {
            ServerConfig config = new ServerConfig(dataDir, new ServerConfig.HostPort("127.0.0.1", 0),
                    new ServerConfig.HostPort("127.0.0.1", taken.getLocalPort()), "sqlite", true, true);

            assertThatThrownBy(() -> KumoServer.start(config))
                    .hasMessageContaining("starting the router on 127.0.0.1:" + taken.getLocalPort());
        }

        try (KumoServer again = KumoServer.start(TestServers.config(dataDir))) {
            assertThat(again.ingressPort()).isPositive();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
