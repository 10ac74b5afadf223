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
    void printsUrlsJsonPathAndCustomColumnsAsKnAndKubectlDo() {
        assertThat(cli().run("service", "list", "-o", "url").out())
                .isEqualTo("\nhttp://hello.default.127.0.0.1.sslip.io\n");
        assertThat(cli().run("service", "describe", "hello", "-o", "url").out())
                .isEqualTo("http://hello.default.127.0.0.1.sslip.io\n");

        CliResult jsonpath = cli().run("service", "list",
                "-o", "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.status.latestReadyRevisionName}{\"\\n\"}{end}");
        assertThat(jsonpath.exitCode()).as(jsonpath.err()).isZero();
        assertThat(jsonpath.out()).isEqualTo("broken\tbroken-00001\nhello\thello-00002\n");
        assertThat(cli().run("service", "describe", "hello", "-o", "jsonpath={.status.traffic[*].percent}").out())
                .isEqualTo("80 20");

        CliResult columns = cli().run("service", "list", "-o",
                "custom-columns=NAME:.metadata.name,TAGS:.status.traffic[*].tag");
        assertThat(columns.out()).isEqualTo("""
                NAME     TAGS
                broken   <none>
                hello    old
                """);
    }

    @Test
    void aMalformedOutputIsAUsageErrorNamingTheFix() {
        CliResult bare = cli().run("service", "list", "-o", "jsonpath");
        assertThat(bare.exitCode()).isEqualTo(1);
        assertThat(bare.err()).contains("jsonpath needs a template: -o jsonpath='{.metadata.name}'");

        CliResult unclosed = cli().run("service", "list", "-o", "jsonpath={range .items[*]}{.metadata.name}");
        assertThat(unclosed.err()).contains("{range} without {end}");

        CliResult unknown = cli().run("service", "list", "-o", "xml");
        assertThat(unknown.err()).contains("'xml' is not an output format; use one of json, yaml, name, url, wide, "
                + "jsonpath, custom-columns");
        assertThat(server.requests()).isEmpty();
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
    void listsOneByNameOrThoseALabelSelectorMatches() {
        server.seed(ResourceTypes.SERVICE, service("default", "labelled", ready(),
                s -> s.withObjectProperty("metadata").putObject("labels").put("team", "a")));

        CliResult one = cli().run("service", "list", "hello", "--no-headers");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out().lines()).extracting(l -> l.split(" +")[0]).containsExactly("hello");

        CliResult selected = cli().run("service", "list", "-l", "team=a", "-o", "name");
        assertThat(selected.out()).isEqualTo("service.serving.knative.dev/labelled\n");
        assertThat(server.requests().getLast().query()).isEqualTo("labelSelector=team%3Da");

        CliResult missing = cli().run("service", "list", "nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("\"nope\" not found");
    }

    @Test
    void deleteAllDeletesEveryServiceOfTheNamespaceOnly() {
        CliResult result = cli().run("service", "delete", "--all");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Service 'broken' successfully deleted in namespace 'default'.\n"
                + "Service 'hello' successfully deleted in namespace 'default'.\n");
        assertThat(server.stored(ResourceTypes.SERVICE, "team-a", "other")).isPresent();

        assertThat(cli().run("service", "delete").err()).contains("want at least one NAME, or --all");
        assertThat(cli().run("service", "delete", "x", "--all").exitCode()).isEqualTo(1);
    }

    @Test
    void waitReturnsOnceTheServiceIsReadyAndFailsAfterTheWindowOfReadyFalse() {
        server.seed(ResourceTypes.SERVICE, service("default", "seen", ready(),
                s -> s.withObjectProperty("status").put("observedGeneration", 1)));
        server.seed(ResourceTypes.SERVICE, service("default", "failing", failed("RevisionFailed", "exit code 3"),
                s -> s.withObjectProperty("status").put("observedGeneration", 1)));

        CliResult result = cli().run("service", "wait", "seen", "--wait-timeout", "20");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Service 'seen' in namespace 'default' is ready.\n");
        assertThat(result.err()).startsWith("Waiting for Service 'seen' in namespace 'default':");

        CliResult failing = cli().run("service", "wait", "failing", "--wait-timeout", "20", "--wait-window", "1");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.err()).contains("exit code 3").doesNotContain("timeout");
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
