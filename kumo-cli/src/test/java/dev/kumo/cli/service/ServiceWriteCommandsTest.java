package dev.kumo.cli.service;

import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.revision;
import static dev.kumo.cli.testing.Fixtures.service;
import static dev.kumo.cli.testing.Fixtures.serving;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.FakeApiServer;
import dev.kumo.cli.testing.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** service create|update|apply --no-wait and revision delete against the fake API server: what is sent and said. */
class ServiceWriteCommandsTest {

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
    void argumentsThatLookLikeOptionsAreTheCommandsOwnAsInKn() {
        CliResult result = kumo("service", "create", "httpd", "--cmd", "busybox", "--arg", "httpd", "--arg=-p",
                "--arg", "-e", "--arg", "127.0.0.1:8080", "--no-wait");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode args = Json.parseObject(server.requests().getLast().body())
                .at("/spec/template/spec/containers/0/args");
        assertThat(args).extracting(JsonNode::asText).containsExactly("httpd", "-p", "-e", "127.0.0.1:8080");
    }

    @Test
    void createPostsTheServiceTheFlagsDescribe() {
        CliResult result = kumo("service", "create", "hello", "--cmd", "python3", "--arg", "app.py", "-e", "A=1",
                "--no-wait");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Service 'hello' created in namespace 'default'.\n");
        RecordedRequest post = server.requests().getLast();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/apis/serving.knative.dev/v1/namespaces/default/services");
        assertThat(Json.parseObject(post.body()).at("/spec/template/spec/containers/0/args/0").asText())
                .isEqualTo("app.py");
    }

    @Test
    void createOfAnExistingServiceSaysHowToChangeIt() {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready()));

        CliResult result = kumo("service", "create", "hello", "--cmd", "python3", "--no-wait");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Error: service 'hello' already exists in namespace 'default'\n"
                + "Change it with 'kumo service update hello', or replace it with --force.\n");
    }

    @Test
    void createWithForceReplacesTheSpec() {
        server.seed(ResourceTypes.SERVICE, withContainer(service("default", "hello", ready()),
                "{\"image\":\"old\",\"env\":[{\"name\":\"A\",\"value\":\"1\"}]}"));

        CliResult result = kumo("service", "create", "hello", "--cmd", "python3", "--force", "--no-wait");

        assertThat(result.exitCode()).as(result.err()).isZero();
        ObjectNode stored = server.stored(ResourceTypes.SERVICE, "default", "hello").orElseThrow();
        assertThat(Json.write(stored.at("/spec/template/spec/containers"))).isEqualTo("[{\"command\":[\"python3\"]}]");
    }

    @Test
    void updateEditsTheCurrentServiceAndRetriesOnConflict() {
        server.seed(ResourceTypes.SERVICE, withContainer(service("default", "hello", ready()),
                "{\"image\":\"app\",\"env\":[{\"name\":\"A\",\"value\":\"1\"}]}"));
        server.conflictOnNextPuts(2);

        CliResult result = kumo("service", "update", "hello", "-e", "B=2", "-e", "A-", "--no-wait");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Service 'hello' updated in namespace 'default'.\n");
        assertThat(server.requests().stream().filter(r -> r.method().equals("PUT")).count()).isEqualTo(3);
        ObjectNode stored = server.stored(ResourceTypes.SERVICE, "default", "hello").orElseThrow();
        assertThat(Json.write(stored.at("/spec/template/spec/containers/0")))
                .isEqualTo("{\"image\":\"app\",\"env\":[{\"name\":\"B\",\"value\":\"2\"}]}");
    }

    @Test
    void updateOfAMissingServicePointsAtTheList() {
        CliResult result = kumo("service", "update", "nobody", "-e", "A=1", "--no-wait");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not found").contains("kumo service list");
    }

    @Test
    void applyCreatesThenReplaces() {
        assertThat(kumo("service", "apply", "hello", "--image", "a", "-e", "A=1", "--no-wait").out())
                .isEqualTo("Service 'hello' created in namespace 'default'.\n");
        assertThat(kumo("service", "apply", "hello", "--image", "b", "--no-wait").out())
                .isEqualTo("Service 'hello' updated in namespace 'default'.\n");

        ObjectNode stored = server.stored(ResourceTypes.SERVICE, "default", "hello").orElseThrow();
        assertThat(Json.write(stored.at("/spec/template/spec/containers"))).isEqualTo("[{\"image\":\"b\"}]");
        assertThat(stored.at("/metadata/generation").asLong()).isEqualTo(2);
    }

    @Test
    void badFlagsAreUsageErrors() {
        CliResult noWorkload = kumo("service", "create", "hello");
        CliResult badEnv = kumo("service", "create", "hello", "--cmd", "x", "-e", "NOVALUE");
        CliResult badTraffic = kumo("service", "create", "hello", "--cmd", "x", "--traffic", "@latest=150");

        assertThat(noWorkload.exitCode()).isEqualTo(1);
        assertThat(noWorkload.err()).startsWith("Error: a new Service needs --image or --cmd\n")
                .contains("'kumo service create --help'");
        assertThat(badEnv.exitCode()).isEqualTo(1);
        assertThat(badEnv.err()).startsWith("Error: invalid --env 'NOVALUE'");
        assertThat(badTraffic.exitCode()).isEqualTo(1);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void revisionDeleteAndPrune() {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready(),
                serving("http://hello.default.localhost:8080", "hello-00003")));
        for (int generation = 1; generation <= 3; generation++) {
            server.seed(ResourceTypes.REVISION, revision("default", "hello-0000" + generation, "hello", generation,
                    ready()));
        }

        CliResult pruned = kumo("revision", "delete", "--prune", "hello");
        CliResult missing = kumo("revision", "delete", "hello-00001");

        assertThat(pruned.out()).isEqualTo("Revision 'hello-00001' deleted in namespace 'default'.\n"
                + "Revision 'hello-00002' deleted in namespace 'default'.\n");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("not found");
        assertThat(server.stored(ResourceTypes.REVISION, "default", "hello-00003")).isPresent();
    }

    private static ObjectNode withContainer(ObjectNode service, String container) {
        service.withObjectProperty("spec").withObjectProperty("template").withObjectProperty("spec")
                .putArray("containers").add(Json.parseObject(container));
        return service;
    }
}
