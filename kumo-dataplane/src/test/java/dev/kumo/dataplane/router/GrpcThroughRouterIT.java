package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.runtime.spi.InstanceAddress;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gRPC through the router with grpc-java on both ends: a client on the router's port (routed by
 * {@code :authority}), a grpc-java server as the instance of a revision whose port is named h2c. Its health
 * service gives a unary call (Check) and a server-streaming one (Watch).
 */
class GrpcThroughRouterIT {

    private static final RevisionId GRPC = revision("grpc-00001");
    private static final String HOST = "grpc.default.localhost";

    private final RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withH2c(true));
    private final HealthStatusManager health = new HealthStatusManager();
    private Server server;
    private ManagedChannel channel;
    private InstanceAddress instance;

    @BeforeEach
    void start() throws IOException {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(health.getHealthService()).build().start();
        instance = new InstanceAddress("127.0.0.1", server.getPort());
        health.setStatus("greeter", ServingStatus.SERVING);
        h.endpoints.set(GRPC, List.of(instance));
        h.router.update(RouteTable.builder().host(HOST, GRPC).revision(GRPC, new RevisionSettings(300, 0, true))
                .build());
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", h.router.port(), InsecureChannelCredentials.create())
                .overrideAuthority(HOST).build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        h.close();
    }

    @Test
    void aUnaryCallIsAnsweredWithItsTrailers() {
        HealthGrpc.HealthBlockingStub stub = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);

        HealthCheckResponse answer = stub.check(HealthCheckRequest.newBuilder().setService("greeter").build());

        assertThat(answer.getStatus()).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void aGrpcErrorStatusComesThroughAsSuch() {
        HealthGrpc.HealthBlockingStub stub = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);

        StatusRuntimeException error = org.assertj.core.api.Assertions.catchThrowableOfType(StatusRuntimeException.class,
                () -> stub.check(HealthCheckRequest.newBuilder().setService("unknown").build()));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aServerStreamDeliversEachMessageAsItComesAndCountsInFlightWhileOpen() {
        List<ServingStatus> seen = new CopyOnWriteArrayList<>();
        ClientCallStreamObserver<?>[] call = new ClientCallStreamObserver<?>[1];
        HealthGrpc.newStub(channel).watch(HealthCheckRequest.newBuilder().setService("greeter").build(),
                new ClientResponseObserver<HealthCheckRequest, HealthCheckResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<HealthCheckRequest> requestStream) {
                        call[0] = requestStream;
                    }

                    @Override
                    public void onNext(HealthCheckResponse value) {
                        seen.add(value.getStatus());
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.equals(List.of(ServingStatus.SERVING)));
        assertThat(h.router.inFlight(GRPC, instance)).isEqualTo(1); // the open stream holds its instance

        health.setStatus("greeter", ServingStatus.NOT_SERVING); // the stream is still open: the next message flows
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.equals(
                List.of(ServingStatus.SERVING, ServingStatus.NOT_SERVING)));

        call[0].cancel("done", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> h.router.inFlight(GRPC, instance) == 0);
    }
}
