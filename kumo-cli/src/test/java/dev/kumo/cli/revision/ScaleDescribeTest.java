package dev.kumo.cli.revision;

import static dev.kumo.cli.testing.Fixtures.annotations;
import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.replicas;
import static dev.kumo.cli.testing.Fixtures.revision;
import static dev.kumo.cli.testing.Fixtures.service;
import static dev.kumo.cli.testing.Fixtures.serving;
import static dev.kumo.cli.testing.Fixtures.traffic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.FakeApiServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a Revision scales in {@code revision describe} and {@code service describe}, against the fake API server. */
class ScaleDescribeTest {

    private static final String A = "autoscaling.knative.dev/";

    @TempDir
    Path home;

    private final FakeApiServer server = FakeApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliResult kumo(String... args) {
        return CliRunner.against(server.baseUrl(), home).run(args);
    }

    @Test
    void showsReplicasSettingsAndTheAutoscalersLastDecisions() {
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00002", "hello", 2, ready(),
                replicas(2, 3, "True", ""), annotations(A + "min-scale=1", A + "max-scale=5", A + "window=30s",
                        A + "target-burst-capacity=0")));
        server.autoscaling("default", "hello-00002", Json.parseObject("""
                {"desiredScale":3,"actualScale":2,"panicking":true,"activatorInPath":false,
                 "excessBurstCapacity":-12,"decisions":[
                  {"at":"2025-01-01T00:04:56Z","desiredScale":1,"excessBurstCapacity":80,"panicking":false,
                   "activatorInPath":false,"reason":"stable want 1"},
                  {"at":"2025-01-01T00:04:58Z","desiredScale":3,"excessBurstCapacity":-12,"panicking":true,
                   "activatorInPath":false,"reason":"panic: 4.3 in flight per instance over 6s → 3"}]}
                """));

        CliResult result = kumo("revision", "describe", "hello-00002");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("""
                Generation:  2

                Scale:
                  Replicas:     2 ready, 3 desired
                  Active:       True
                  Min:          1
                  Max:          5
                  Initial:      1 (default)
                  Metric:       concurrency (default)
                  Target:       100 (default)
                  Utilization:  70% (default)
                  Window:       30s
                  Other:        target-burst-capacity=0
                  Autoscaler:   wants 3, panicking, excess burst capacity -12
                  Decisions:
                    AGE   SCALE   REASON
                    4s    1       stable want 1
                    2s    3       panic: 4.3 in flight per instance over 6s → 3

                Conditions:
                """);
        assertThat(server.requests().getLast().line()).isEqualTo("GET /apis/serving.knative.dev/v1/namespaces/"
                + "default/revisions/hello-00002/autoscaling");
    }

    @Test
    void withoutTheSubresourceTheDefaultsAreMarkedAndTheDecisionsLeftOut() {
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00001", "hello", 1, ready(),
                replicas(0, 0, "False", "NoTraffic")));

        CliResult result = kumo("revision", "describe", "hello-00001");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("""
                Scale:
                  Replicas:     0 ready, 0 desired
                  Active:       False (NoTraffic)
                  Min:          0 (default)
                  Max:          ∞ (default)
                  Initial:      1 (default)
                  Metric:       concurrency (default)
                  Target:       100 (default)
                  Utilization:  70% (default)
                  Window:       60s (default)

                Conditions:
                """);
    }

    @Test
    void aRevisionTheAutoscalerDoesNotScaleYetHasNoDecisions() {
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00001", "hello", 1, ready()));
        server.autoscaling("default", "other-00001", Json.object());

        CliResult result = kumo("revision", "describe", "hello-00001");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("  Window:       60s (default)\n\nConditions:")
                .doesNotContain("Autoscaler:").doesNotContain("Replicas:");
    }

    @Test
    void theTargetComesFromContainerConcurrencyWhenItIsLower() {
        server.seed(ResourceTypes.REVISION, withConcurrency(revision("default", "cc-00001", "cc", 1,
                annotations(A + "target=50", A + "target-utilization-percentage=57")), 10));
        server.seed(ResourceTypes.REVISION, withConcurrency(revision("default", "cc-00002", "cc", 2), 10));
        server.seed(ResourceTypes.REVISION, revision("default", "rps-00001", "rps", 1,
                annotations(A + "metric=rps")));

        assertThat(kumo("revision", "describe", "cc-00001").out())
                .contains("  Target:       10 (target 50 capped by containerConcurrency)\n")
                .contains("  Utilization:  57%\n");
        assertThat(kumo("revision", "describe", "cc-00002").out())
                .contains("  Target:       10 (containerConcurrency)\n");
        assertThat(kumo("revision", "describe", "rps-00001").out())
                .contains("  Metric:       rps\n  Target:       200 (default)\n");
    }

    @Test
    void serviceDescribeShowsTheBoundsOfTheLatestRevision() {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready(),
                serving("http://hello.default.localhost:8080", "hello-00002"),
                traffic("hello-00002", 50, "", true), traffic("hello-00001", 50, "", false)));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00001", "hello", 1, ready(),
                annotations(A + "min-scale=3")));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00002", "hello", 2, ready(),
                annotations(A + "minScale=1", A + "max-scale=5")));

        CliResult result = kumo("service", "describe", "hello");

        assertThat(result.out()).contains("""
                Revisions:
                   50%  @latest (hello-00002) [2] (5m)
                        Image:  ghcr.io/knative/helloworld-go
                        Scale:  1 ... 5
                   50%  hello-00001 [1] (5m)
                        Image:  ghcr.io/knative/helloworld-go

                """);
    }

    private static ObjectNode withConcurrency(ObjectNode revision, int containerConcurrency) {
        revision.withObjectProperty("spec").put("containerConcurrency", containerConcurrency);
        return revision;
    }
}
