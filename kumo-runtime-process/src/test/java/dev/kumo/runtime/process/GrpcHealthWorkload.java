package dev.kumo.runtime.process;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A workload for {@link ProbesIT}, run as a child process: grpc-java's own health service on 127.0.0.1:$PORT,
 * for the server ("") and for {@value #SERVICE}, whose status is the content of the file named by the first
 * argument (SERVING or NOT_SERVING; missing or anything else: NOT_SERVING), looked at every 20 ms.
 */
public final class GrpcHealthWorkload {

    static final String SERVICE = "kumo.test.Greeter";

    private GrpcHealthWorkload() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path control = Path.of(args[0]);
        int port = Integer.parseInt(System.getenv("PORT"));
        HealthStatusManager health = new HealthStatusManager();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                InsecureServerCredentials.create()).addService(health.getHealthService()).build().start();
        System.err.println("grpc health server on 127.0.0.1:" + port);
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
        watch.scheduleWithFixedDelay(() -> {
            ServingStatus status = ServingStatus.NOT_SERVING;
            try {
                status = Files.readString(control).strip().equals("SERVING") ? ServingStatus.SERVING
                        : ServingStatus.NOT_SERVING;
            } catch (IOException missing) {
                // NOT_SERVING
            }
            health.setStatus("", status);
            health.setStatus(SERVICE, status);
        }, 0, 20, TimeUnit.MILLISECONDS);
        server.awaitTermination();
    }
}
