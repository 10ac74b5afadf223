package dev.kumo.cli.service;

import static dev.kumo.cli.testing.Fixtures.failed;
import static dev.kumo.cli.testing.Fixtures.ready;
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
import dev.kumo.cli.testing.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandsTest {

    @TempDir
    Path home;

    private final FakeApiServer server = FakeApiServer.start();

    @BeforeEach
    void seed() {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready(),
                serving("http://hello.default.127.0.0.1.sslip.io", "hello-00002"),
                traffic("hello-00002", 80, "", true), traffic("hello-00001", 20, "old", false)));
        server.seed(ResourceTypes.SERVICE, service("default", "broken", failed("RevisionFailed", "no image"),
                serving("", "broken-00001")));
        server.seed(ResourceTypes.SERVICE, service("team-a", "other", ready(),
                serving("http://other.team-a.127.0.0.1.sslip.io", "other-00001")));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00001", "hello", 1, ready()));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00002", "hello", 2, ready()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return CliRunner.against(server.baseUrl(), home);
    }

    @Test
    void listsServicesWithKnColumns() {
        CliResult result = cli().run("service", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                NAME     URL                                       LATEST         AGE   CONDITIONS   READY   REASON
                broken                                             broken-00001   5m    0 OK / 1     False   RevisionFailed : no image
                hello    http://hello.default.127.0.0.1.sslip.io   hello-00002    5m    3 OK / 3     True
                """);
        assertThat(server.requests()).extracting(RecordedRequest::line)
                .containsExactly("GET /apis/serving.knative.dev/v1/namespaces/default/services");
    }

    @Test
    void listsAcrossNamespacesWithANamespaceColumn() {
        CliResult result = cli().run("service", "list", "-A", "--no-headers");

        assertThat(result.out().lines()).extracting(l -> l.split(" +")[0] + " " + l.split(" +")[1])
                .containsExactly("default broken", "default hello", "team-a other");
        assertThat(server.requests().getFirst().path()).isEqualTo("/apis/serving.knative.dev/v1/services");
    }

    @Test
    void printsTheListAsTheServerReturnedIt() {
        CliResult json = cli().run("service", "list", "-o", "json");
        assertThat(Json.parseObject(json.out()).path("kind").asText()).isEqualTo("ServiceList");

        CliResult names = cli().run("ksvc", "ls", "-o", "name", "-n", "team-a");
        assertThat(names.out()).isEqualTo("service.serving.knative.dev/other\n");

        CliResult yaml = cli().run("service", "describe", "hello", "-o", "yaml");
        assertThat(yaml.out()).startsWith("apiVersion: serving.knative.dev/v1\nkind: Service\n");
    }

    @Test
    void saysSoWhenThereIsNothingToList() {
        CliResult result = cli().run("service", "list", "-n", "empty");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("No services found in namespace empty.\n");
    }

    @Test
    void describesTheServiceWithItsRevisionsAndConditions() {
        CliResult result = cli().run("service", "describe", "hello");

        assertThat(result.out()).isEqualTo("""
                Name:       hello
                Namespace:  default
                Age:        5m
                URL:        http://hello.default.127.0.0.1.sslip.io

                Revisions:
                   80%  @latest (hello-00002) [2] (5m)
                        Image:  ghcr.io/knative/helloworld-go
                        Scale:  0 ... ∞
                   20%  hello-00001 #old [1] (5m)
                        Image:  ghcr.io/knative/helloworld-go

                Conditions:
                  OK TYPE                  AGE REASON
                  ++ Ready                  5m
                  ++ ConfigurationsReady    5m
                  ++ RoutesReady            5m
                """);
    }

    @Test
    void describeListsTheRecentEventsOfTheServiceAndItsRevisions() {
        server.seed(ResourceTypes.EVENT, event("hello.1", "Service", "hello", "Created",
                "Created Configuration \"hello\"", 1, "2025-01-01T00:00:10Z"));
        server.seed(ResourceTypes.EVENT, event("hello-00002.1", "Revision", "hello-00002", "BackOff",
                "Back-off restarting failed instance", 3, "2025-01-01T00:04:00Z"));
        server.seed(ResourceTypes.EVENT, event("other.1", "Service", "other", "Created", "not this one", 1,
                "2025-01-01T00:04:30Z"));
        server.seed(ResourceTypes.EVENT, event("hello.2", "Trigger", "hello", "DeadLettered", "not this one", 1,
                "2025-01-01T00:04:30Z"));

        CliResult result = cli().run("service", "describe", "hello");

        assertThat(result.out()).endsWith("""
                Events:
                  TYPE      REASON    AGE                OBJECT                 MESSAGE
                  Warning   BackOff   60s (x3 over 5m)   revision/hello-00002   Back-off restarting failed instance
                  Normal    Created   4m50s              service/hello          Created Configuration "hello"
                """);
    }

    private static ObjectNode event(String name, String kind, String about, String reason, String message, int count,
            String last) {
        ObjectNode event = Json.parseObject("""
                {"apiVersion": "v1", "kind": "Event", "metadata": {"namespace": "default"},
                 "firstTimestamp": "2025-01-01T00:00:00Z"}
                """);
        ((ObjectNode) event.path("metadata")).put("name", name);
        event.putObject("involvedObject").put("kind", kind).put("name", about).put("namespace", "default");
        return event.put("reason", reason).put("message", message).put("count", count).put("lastTimestamp", last)
                .put("type", count > 1 ? "Warning" : "Normal");
    }

    @Test
    void deletesWithADeleteRequest() {
        CliResult result = cli().run("service", "delete", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Service 'hello' successfully deleted in namespace 'default'.\n");
        RecordedRequest delete = server.requests().getLast();
        assertThat(delete.line()).isEqualTo("DELETE /apis/serving.knative.dev/v1/namespaces/default/services/hello");
        assertThat(Json.parseObject(delete.body()).path("propagationPolicy").asText()).isEqualTo("Background");
        assertThat(server.stored(ResourceTypes.SERVICE, "default", "hello")).isEmpty();
    }

    @Test
    void aMissingServiceIsAnErrorWithAHint() {
        CliResult result = cli().run("service", "describe", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                Error: services.serving.knative.dev "nope" not found
                Run 'kumo service list' to see the services in namespace default.
                """);
        assertThat(cli().run("service", "delete", "nope", "-n", "team-a").err())
                .endsWith("Run 'kumo service list -n team-a' to see the services in namespace team-a.\n");
    }
}
