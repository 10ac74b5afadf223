package dev.kumo.cli.service;

import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.service;
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

/** service create|update|apply with the scale flags, against the fake API server: what is stored. */
class ServiceScaleFlagsTest {

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

    private ObjectNode stored() {
        return server.stored(ResourceTypes.SERVICE, "default", "hello").orElseThrow();
    }

    @Test
    void createWritesTheRevisionTemplateAnnotations() {
        CliResult result = kumo("service", "create", "hello", "--cmd", "python3", "--scale", "1..5",
                "--scale-init", "2", "--scale-metric", "rps", "--scale-target", "150", "--scale-utilization", "80",
                "--scale-window", "90s", "--no-wait");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Json.write(stored().at("/spec/template/metadata/annotations"))).isEqualTo("{\"" + A
                + "min-scale\":\"1\",\"" + A + "max-scale\":\"5\",\"" + A + "initial-scale\":\"2\",\"" + A
                + "metric\":\"rps\",\"" + A + "target\":\"150\",\"" + A + "target-utilization-percentage\":\"80\",\""
                + A + "window\":\"90s\"}");
        assertThat(stored().at("/metadata/annotations").isMissingNode()).isTrue();
    }

    @Test
    void updateChangesOneBoundAndAnAnnotationRemovesOne() {
        kumo("service", "create", "hello", "--cmd", "python3", "--scale", "2..4", "--scale-window", "30s",
                "--no-wait");

        CliResult raised = kumo("service", "update", "hello", "--scale-max", "10", "--no-wait");
        assertThat(raised.exitCode()).as(raised.err()).isZero();
        assertThat(Json.write(stored().at("/spec/template/metadata/annotations"))).isEqualTo("{\"" + A
                + "min-scale\":\"2\",\"" + A + "max-scale\":\"10\",\"" + A + "window\":\"30s\"}");

        CliResult removed = kumo("service", "update", "hello", "-a", A + "min-scale-", "-a", A + "window-",
                "--no-wait");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(Json.write(stored().at("/spec/template/metadata/annotations")))
                .isEqualTo("{\"" + A + "max-scale\":\"10\"}");
        assertThat(stored().at("/metadata/generation").asLong()).isEqualTo(3);
    }

    @Test
    void applyWritesOnlyWhatTheFlagsSay() {
        kumo("service", "apply", "hello", "--image", "app", "--scale-min", "1", "--scale-max", "3", "--no-wait");
        kumo("service", "apply", "hello", "--image", "app", "--scale-max", "3", "--no-wait");

        assertThat(Json.write(stored().at("/spec/template/metadata/annotations")))
                .isEqualTo("{\"" + A + "max-scale\":\"3\"}");
    }

    @Test
    void aBadValueIsAUsageErrorAndNothingIsSent() {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready()));

        CliResult result = kumo("service", "update", "hello", "--scale-window", "2s", "--no-wait");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: invalid --scale-window '2s': want a duration from 6s to 1h in "
                + "whole seconds, such as 60s or 2m\n").contains("'kumo service update --help'");
        assertThat(server.requests()).noneMatch(r -> r.method().equals("PUT"));
    }
}
