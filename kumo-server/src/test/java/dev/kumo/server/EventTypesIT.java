package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kumo eventtype} and {@code kumo source list-types} against a real server, with kubectl beside them. */
class EventTypesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;
    private static InProcessCli cli;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        kubectl = new Kubectl(server, temp);
        cli = new InProcessCli(temp.resolve("home"), temp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sourceListTypesPrintsTheSourceKindsTheServerServes() {
        InProcessCli.Result types = cli.run("source", "list-types");

        assertThat(types.exitCode()).as(types.err()).isZero();
        assertThat(types.out().lines().toList()).containsExactly(
                "TYPE              S     NAME                                   DESCRIPTION",
                "ApiServerSource   X     apiserversources.sources.knative.dev   Watch and send Kubernetes API events "
                        + "to addressable",
                "ContainerSource   X     containersources.sources.knative.dev   Generate events by Container image "
                        + "and send to addressable",
                "PingSource        X     pingsources.sources.knative.dev        Send periodically ping events to "
                        + "addressable",
                "SinkBinding       X     sinkbindings.sources.knative.dev       Binding for connecting a PodSpecable "
                        + "to addressable");
        InProcessCli.Result json = cli.run("source", "list-types", "-o", "json");
        assertThat(json.out()).contains("\"kind\": \"CustomResourceDefinitionList\"")
                .contains("\"name\": \"pingsources.sources.knative.dev\"");
    }

    @Test
    void eventTypesAreCreatedListedDescribedAndDeletedAsKn() {
        assertThat(cli.run("broker", "create", "default").exitCode()).isZero();
        InProcessCli.Result created = cli.run("eventtype", "create", "ping", "--type", "dev.knative.sources.ping",
                "--source", "/apis/v1/namespaces/default/pingsources/p", "-b", "default");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("Eventtype 'ping' successfully created in namespace 'default'.\n");
        InProcessCli.Result orphan = cli.run("eventtype", "create", "orphan", "-t", "example.type", "-r",
                "channel:nowhere");
        assertThat(orphan.exitCode()).as(orphan.err()).isZero();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(cli.run("eventtype", "list").out())
                .containsPattern("NAME +TYPE +SOURCE +REFERENCE +AGE +READY")
                .containsPattern("ping +dev\\.knative\\.sources\\.ping +/apis/v1/namespaces/default/pingsources/p "
                        + "+default +\\S+ +True")
                .containsPattern("orphan +example\\.type +nowhere +\\S+ +False"));
        Kubectl.Result table = kubectl.run("get", "eventtypes");
        assertThat(table.out()).as(table.err())
                .containsPattern("NAME +TYPE +SOURCE +SCHEMA +REFERENCE NAME +REFERENCE KIND +DESCRIPTION +READY")
                .containsPattern("ping +dev\\.knative\\.sources\\.ping .* default +Broker +True");

        InProcessCli.Result described = cli.run("eventtype", "describe", "orphan");
        assertThat(described.out()).containsPattern("Type: +example\\.type").contains("Reference:")
                .containsPattern("Kind: +Channel").contains("ResourceDoesNotExist");

        InProcessCli.Result untyped = cli.run("eventtype", "create", "bad");
        assertThat(untyped.exitCode()).isEqualTo(1);
        assertThat(untyped.err()).contains("--type");

        InProcessCli.Result deleted = cli.run("eventtype", "delete", "orphan");
        assertThat(deleted.out()).isEqualTo("Eventtype 'orphan' successfully deleted in namespace 'default'.\n");
    }
}
