package dev.kumo.cli.revision;

import static dev.kumo.cli.testing.Fixtures.failed;
import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.revision;
import static dev.kumo.cli.testing.Fixtures.route;
import static dev.kumo.cli.testing.Fixtures.service;
import static dev.kumo.cli.testing.Fixtures.serving;
import static dev.kumo.cli.testing.Fixtures.traffic;
import static org.assertj.core.api.Assertions.assertThat;

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

class RevisionAndRouteCommandsTest {

    @TempDir
    Path home;

    private final FakeApiServer server = FakeApiServer.start();

    @BeforeEach
    void seed() {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready(),
                serving("http://hello.default.127.0.0.1.sslip.io", "hello-00003"),
                traffic("hello-00003", 90, "", true), traffic("hello-00002", 10, "canary", false),
                traffic("hello-00002", 0, "blue", false)));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00001", "hello", 1, ready()));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00002", "hello", 2, ready()));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-00003", "hello", 3, ready()));
        server.seed(ResourceTypes.REVISION, revision("default", "bye-00001", "bye", 1,
                failed("ContainerMissing", "")));
        server.seed(ResourceTypes.ROUTE, route("default", "hello", ready(),
                serving("http://hello.default.127.0.0.1.sslip.io", ""),
                traffic("hello-00003", 100, "", true)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return CliRunner.against(server.baseUrl(), home);
    }

    @Test
    void listsRevisionsWithTheTrafficAndTagsOfTheirService() {
        CliResult result = cli().run("revision", "list");

        assertThat(result.out()).isEqualTo("""
                NAME          SERVICE   TRAFFIC   TAGS          GENERATION   AGE   CONDITIONS   READY   REASON
                bye-00001     bye                               1            5m    0 OK / 1     False   ContainerMissing
                hello-00003   hello     90%                     3            5m    3 OK / 3     True
                hello-00002   hello     10%       canary,blue   2            5m    3 OK / 3     True
                hello-00001   hello                             1            5m    3 OK / 3     True
                """);
    }

    @Test
    void filtersByServiceWithALabelSelector() {
        CliResult result = cli().run("rev", "list", "-s", "bye", "--no-headers");

        assertThat(result.out()).startsWith("bye-00001 ").hasLineCount(1);
        assertThat(server.requests().getFirst().line()).isEqualTo("GET /apis/serving.knative.dev/v1/namespaces/"
                + "default/revisions?labelSelector=serving.knative.dev%2Fservice%3Dbye");
    }

    @Test
    void describesARevision() {
        CliResult result = cli().run("revision", "describe", "hello-00002");

        assertThat(result.out()).startsWith("""
                Name:        hello-00002
                Namespace:   default
                Age:         5m
                Image:       ghcr.io/knative/helloworld-go
                Service:     hello
                Generation:  2
                Traffic:     10%
                Tags:        canary,blue

                Scale:
                  Min:          0 (default)
                """).contains("""
                  Window:       60s (default)

                Conditions:
                """);
    }

    @Test
    void listsAndDescribesRoutes() {
        assertThat(cli().run("route", "list").out()).isEqualTo("""
                NAME    URL                                       READY
                hello   http://hello.default.127.0.0.1.sslip.io   True
                """);
        assertThat(cli().run("route", "describe", "hello").out()).contains("""
                URL:        http://hello.default.127.0.0.1.sslip.io

                Traffic Targets:
                  100%  @latest (hello-00003)
                """);
        assertThat(server.requests()).extracting(RecordedRequest::line)
                .contains("GET /apis/serving.knative.dev/v1/namespaces/default/routes/hello");
    }

    @Test
    void aMissingRevisionPointsAtTheRevisionList() {
        CliResult result = cli().run("revision", "describe", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).endsWith("Run 'kumo revision list' to see the revisions in namespace default.\n");
    }
}
