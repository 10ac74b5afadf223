package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.normalized;
import static dev.kumo.api.serving.ServingFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.meta.HasMetadata;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Statuses as Knative writes them decode with no unknown field and encode back unchanged. */
class StatusRoundTripTest {

    private static final String CONDITIONS = """
                conditions:
                  - type: Ready
                    status: "True"
                    lastTransitionTime: "2026-01-01T00:00:00Z"
                  - type: Active
                    status: "False"
                    severity: Info
                    reason: NoTraffic
                    message: The target is not receiving traffic.
                    lastTransitionTime: "2026-01-01T00:00:00Z"
                observedGeneration: 3
                annotations: {example.com/note: kept}
            """;

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(Service.class, "Service", """
                            url: http://hello.default.svc.cluster.local
                            address: {url: http://hello.default.svc.cluster.local, name: http, CACerts: x, audience: a}
                            traffic:
                              - {revisionName: hello-00002, latestRevision: true, percent: 100, tag: current,
                                 url: http://current-hello.default.svc.cluster.local}
                            latestReadyRevisionName: hello-00002
                            latestCreatedRevisionName: hello-00002
                        """),
                Arguments.of(Configuration.class, "Configuration", """
                            latestReadyRevisionName: hello-00001
                            latestCreatedRevisionName: hello-00002
                        """),
                Arguments.of(Revision.class, "Revision", """
                            logUrl: http://logs/hello-00001
                            actualReplicas: 1
                            desiredReplicas: 2
                            containerStatuses: [{name: user-container, imageDigest: "ghcr.io/x@sha256:abc"}]
                            initContainerStatuses: [{name: init, imageDigest: "ghcr.io/y@sha256:def"}]
                        """),
                Arguments.of(Route.class, "Route", """
                            url: http://hello.default.svc.cluster.local
                            address: {url: http://hello.default.svc.cluster.local}
                            traffic: [{revisionName: hello-00001, percent: 100}]
                        """));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("statuses")
    void roundTrips(Class<? extends HasMetadata> type, String kind, String status) {
        ObjectNode object = yaml("apiVersion: serving.knative.dev/v1\nkind: " + kind
                + "\nmetadata: {name: hello}\nstatus:\n" + CONDITIONS + status);

        TypedCodec.Decoded<? extends HasMetadata> decoded = TypedCodec.decode(object, type);

        assertThat(decoded.unknownFields()).isEmpty();
        assertThat(normalized(decoded.value())).isEqualTo(normalized(object));
    }
}
