package dev.kumo.cli.eventing;

import static dev.kumo.cli.testing.Fixtures.failed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import org.junit.jupiter.api.Test;

/** source apiserver create|update|describe|list|delete against the fake API server: what is sent and said. */
class ApiServerSourceCommandsTest extends EventingCliTest {

    @Test
    void createPostsResourcesWithSelectorsModeAndSink() {
        CliResult result = kumo("source", "apiserver", "create", "watch", "--resource", "Event:v1", "--resource",
                "Revision:serving.knative.dev/v1:app=x,tier=web", "--service-account", "watcher", "--sink",
                "ksvc:display", "--ce-override", "team=a");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("ApiServer source 'watch' successfully created in namespace 'default'.\n");
        assertThat(server.requests().getLast().line())
                .isEqualTo("POST /apis/sources.knative.dev/v1/namespaces/default/apiserversources");
        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"resources":[{"apiVersion":"v1","kind":"Event"},{"apiVersion":"serving.knative.dev/v1",\
                "kind":"Revision","selector":{"matchLabels":{"app":"x","tier":"web"}}}],"mode":"Reference",\
                "serviceAccountName":"watcher","sink":{"ref":{"apiVersion":"serving.knative.dev/v1",\
                "kind":"Service","name":"display"}},"ceOverrides":{"extensions":{"team":"a"}}}""");
    }

    @Test
    void updateChangesOnlyTheFlagsGiven() {
        kumo("source", "apiserver", "create", "watch", "--resource", "Event:v1", "--sink", "broker:default",
                "--ce-override", "team=a", "--ce-override", "tier=b");

        CliResult result = kumo("source", "apiserver", "update", "watch", "--mode", "Resource", "--resource",
                "Pod:v1:app=y", "--ce-override", "team-");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("ApiServer source 'watch' updated in namespace 'default'.\n");
        assertThat(server.requests().getLast().line())
                .isEqualTo("PUT /apis/sources.knative.dev/v1/namespaces/default/apiserversources/watch");
        JsonNode spec = server.stored(ResourceTypes.API_SERVER_SOURCE, "default", "watch").orElseThrow()
                .path("spec");
        assertThat(spec.toString()).isEqualTo("""
                {"resources":[{"apiVersion":"v1","kind":"Pod","selector":{"matchLabels":{"app":"y"}}}],\
                "mode":"Resource","sink":{"ref":{"apiVersion":"eventing.knative.dev/v1","kind":"Broker",\
                "name":"default"}},"ceOverrides":{"extensions":{"tier":"b"}}}""");
    }

    @Test
    void updateOfAMissingSourceSaysItIsNotFound() {
        CliResult result = kumo("source", "apiserver", "update", "nope", "--mode", "Resource");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("nope").contains("not found");
    }

    @Test
    void listDescribeAndDelete() {
        kumo("source", "apiserver", "create", "watch", "--resource", "Event:v1", "--resource",
                "Revision:serving.knative.dev/v1:app=x", "--sink", "ksvc:display", "--ce-override", "team=a");
        ObjectNode source = server.stored(ResourceTypes.API_SERVER_SOURCE, "default", "watch").orElseThrow();
        failed("NotFound", "Service \"display\" not found").accept(source);
        source.withObjectProperty("status").put("sinkUri", "http://display.default.localhost:8080");
        server.seed(ResourceTypes.API_SERVER_SOURCE, source);

        assertThat(kumo("source", "apiserver", "list").out()).isEqualTo("""
                NAME    RESOURCES                                        SINK           AGE   CONDITIONS   READY   REASON
                watch   Event:v1,Revision:serving.knative.dev/v1:app=x   ksvc:display   5m    0 OK / 1     False   NotFound : Service "display" not found
                """);
        assertThat(kumo("source", "apiserver", "describe", "watch").out()).isEqualTo("""
                Name:       watch
                Namespace:  default
                Age:        5m
                Mode:       Reference
                Sink:       ksvc:display
                Sink URI:   http://display.default.localhost:8080

                Resources:
                  Event:v1
                  Revision:serving.knative.dev/v1:app=x

                CloudEvent Overrides:
                  team: a

                Conditions:
                  OK TYPE    AGE REASON
                  !! Ready    5m NotFound
                """);
        assertThat(kumo("get", "apiserversources").out()).startsWith("NAME    RESOURCES");
        assertThat(kumo("source", "apiserver", "delete", "watch").out())
                .isEqualTo("ApiServer source 'watch' successfully deleted in namespace 'default'.\n");
        assertThat(server.stored(ResourceTypes.API_SERVER_SOURCE, "default", "watch")).isEmpty();
    }

    @Test
    void aBadResourceIsAUsageErrorNamingTheSyntax() {
        CliResult result = kumo("source", "apiserver", "create", "watch", "--resource", "Event", "--sink",
                "ksvc:display");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: invalid --resource 'Event': want KIND:APIVERSION[:KEY=VALUE,...], "
                + "e.g. Event:v1 or Revision:serving.knative.dev/v1:app=x\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aBadSelectorModeOrMissingFlagIsAUsageError() {
        assertThat(kumo("source", "apiserver", "create", "w", "--resource", "Event:v1:app", "--sink",
                "ksvc:x").err()).startsWith("Error: invalid --resource 'Event:v1:app'");
        CliResult mode = kumo("source", "apiserver", "create", "w", "--resource", "Event:v1", "--mode", "ref",
                "--sink", "ksvc:x");
        assertThat(mode.exitCode()).isEqualTo(1);
        assertThat(mode.err()).startsWith("Error: invalid --mode 'ref': want Reference or Resource\n");
        assertThat(kumo("source", "apiserver", "create", "w", "--sink", "ksvc:x").err())
                .startsWith("Error: missing --resource: say what to watch, e.g. --resource Event:v1");
        CliResult noSink = kumo("source", "apiserver", "create", "w", "--resource", "Event:v1");
        assertThat(noSink.exitCode()).isEqualTo(1);
        assertThat(noSink.err()).startsWith("Error: missing --sink: say where events go, as "
                + "ksvc:NAME[:NAMESPACE], broker:NAME, channel:NAME or an http(s):// URL\n");
        assertThat(server.requests()).isEmpty();
    }
}
