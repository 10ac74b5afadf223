package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every protocol a Knative Service may speak, end to end through Kumo's ingress: gRPC to a workload declaring
 * {@code ports: [{name: h2c}]} (a grpc-java server, as Knative routes it), and h2c from curl to an HTTP/1.1 one.
 */
@EnabledOnOs(OS.LINUX)
class ProtocolsIT {

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass();

    @Test
    void grpcUnaryAndStreamingCallsReachAWorkloadWhosePortIsNamedH2c() throws InterruptedException {
        ObjectNode service = Workloads.service("grpc");
        ObjectNode container = Workloads.container(service);
        container.remove(List.of("args", "workingDir"));
        container.putArray("command").add(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .add("-cp").add(System.getProperty("java.class.path")).add(GrpcHealthWorkload.class.getName());
        container.putArray("ports").addObject().put("name", "h2c").put("containerPort", 8080);
        kumo.create(SERVICES, service);
        kumo.awaitReady("grpc");

        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", kumo.ingressPort(),
                InsecureChannelCredentials.create()).overrideAuthority(Kumo.host("grpc")).build();
        try {
            HealthCheckRequest kumoService = HealthCheckRequest.newBuilder().setService("kumo").build();
            HealthCheckResponse unary = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .check(kumoService);
            assertThat(unary.getStatus()).isEqualTo(ServingStatus.SERVING);

            Iterator<HealthCheckResponse> stream = HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(30, TimeUnit.SECONDS).watch(kumoService);
            assertThat(stream.next().getStatus()).isEqualTo(ServingStatus.SERVING); // the stream stays open
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void curlWithHttp2PriorKnowledgeReachesAnHttp1Workload() throws IOException, InterruptedException {
        kumo.create(SERVICES, Workloads.env(Workloads.service("plain"), "TARGET", "h2"));
        kumo.awaitReady("plain");
        String host = Kumo.host("plain");

        Process curl = new ProcessBuilder("curl", "-s", "--max-time", "20", "--http2-prior-knowledge", "--resolve",
                host + ":" + kumo.ingressPort() + ":127.0.0.1", "-w", "\nversion=%{http_version} status=%{http_code}",
                "http://" + host + ":" + kumo.ingressPort() + "/").redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(out).contains("Hello h2!").contains("version=2 status=200");
    }
}
