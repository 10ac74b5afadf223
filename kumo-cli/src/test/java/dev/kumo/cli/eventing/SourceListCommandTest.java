package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code kumo source list}: sources of every kind in kn's table, filtered by --type, across namespaces, raw. */
class SourceListCommandTest extends EventingCliTest {

    @BeforeEach
    void sources() {
        kumo("source", "ping", "create", "p1", "--sink", "ksvc:eshow1");
        kumo("source", "apiserver", "create", "a1", "--resource", "Event:v1", "--sink", "ksvc:eshow2");
        kumo("source", "binding", "create", "b1", "--subject", "Job:batch/v1:app=x", "--sink", "ksvc:eshow3");
        kumo("source", "container", "create", "c1", "--cmd", "emit", "--sink", "broker:default", "-n", "team");
        ObjectNode ping = server.stored(ResourceTypes.PING_SOURCE, "default", "p1").orElseThrow();
        ping.putObject("status").putArray("conditions").addObject().put("type", "Ready").put("status", "True");
        server.seed(ResourceTypes.PING_SOURCE, ping);
    }

    @Test
    void listsEveryKindOfTheNamespace() {
        assertThat(kumo("source", "list").out()).isEqualTo("""
                NAME   TYPE              RESOURCE                               SINK          READY
                a1     ApiServerSource   apiserversources.sources.knative.dev   ksvc:eshow2   <unknown>
                b1     SinkBinding       sinkbindings.sources.knative.dev       ksvc:eshow3   <unknown>
                p1     PingSource        pingsources.sources.knative.dev        ksvc:eshow1   True
                """);
    }

    @Test
    void typeFiltersByKindAndAllNamespacesAddsTheNamespace() {
        assertThat(kumo("source", "list", "--type", "pingsource", "-t", "ContainerSource", "-A").out())
                .isEqualTo("""
                NAMESPACE   NAME   TYPE              RESOURCE                               SINK             READY
                default     p1     PingSource        pingsources.sources.knative.dev        ksvc:eshow1      True
                team        c1     ContainerSource   containersources.sources.knative.dev   broker:default   <unknown>
                """);
    }

    @Test
    void rawOutputIsOneListOfEveryKind() {
        assertThat(kumo("source", "list", "-o", "name").out()).isEqualTo("""
                apiserversource.sources.knative.dev/a1
                sinkbinding.sources.knative.dev/b1
                pingsource.sources.knative.dev/p1
                """);
    }

    @Test
    void noSourcesAndABadTypeAreSaid() {
        assertThat(kumo("source", "list", "-n", "empty").err()).isEqualTo("No sources found in namespace empty.\n");
        CliResult bad = kumo("source", "list", "--type", "KafkaSource");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("Error: invalid --type 'KafkaSource': want ApiServerSource, "
                + "ContainerSource, PingSource or SinkBinding\n");
    }

    @Test
    void listTypesNamesEachSourceKindTheServerServesAsKn() {
        for (String kind : java.util.List.of("PingSource", "ApiServerSource", "SinkBinding", "ContainerSource",
                "KafkaSource")) {
            server.seed(dev.kumo.api.apiextensions.ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION, sourceCrd(kind));
        }
        ObjectNode other = sourceCrd("Broker");
        ((ObjectNode) other.get("metadata")).putObject("labels");
        server.seed(dev.kumo.api.apiextensions.ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION, other);

        CliResult types = kumo("source", "list-types");

        assertThat(types.exitCode()).as(types.err()).isZero();
        assertThat(types.out()).isEqualTo("""
                TYPE              S     NAME                                   DESCRIPTION
                ApiServerSource   X     apiserversources.sources.knative.dev   Watch and send Kubernetes API events to addressable
                ContainerSource   X     containersources.sources.knative.dev   Generate events by Container image and send to addressable
                KafkaSource             kafkasources.sources.knative.dev       Route events from Apache Kafka Server to addressable
                PingSource        X     pingsources.sources.knative.dev        Send periodically ping events to addressable
                SinkBinding       X     sinkbindings.sources.knative.dev       Binding for connecting a PodSpecable to addressable
                """);
        assertThat(kumo("source", "list-types", "-o", "jsonpath={.items[*].spec.names.kind}").out())
                .isEqualTo("ApiServerSource ContainerSource KafkaSource PingSource SinkBinding");
        assertThat(kumo("source", "list-types", "-o", "yaml").out()).startsWith("apiVersion: apiextensions.k8s.io/v1\n")
                .contains("kind: CustomResourceDefinitionList");
    }

    @Test
    void listTypesWithoutSourceDefinitionsSaysSo() {
        CliResult none = kumo("source", "list-types");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no source types found");
    }

    /** A source CRD as Knative labels it (only what the command reads). */
    private static ObjectNode sourceCrd(String kind) {
        String plural = kind.toLowerCase() + (kind.endsWith("Binding") ? "s" : "s");
        ObjectNode crd = dev.kumo.api.codec.Json.object().put("apiVersion", "apiextensions.k8s.io/v1")
                .put("kind", "CustomResourceDefinition");
        crd.putObject("metadata").put("name", plural + ".sources.knative.dev").putObject("labels")
                .put("duck.knative.dev/source", "true");
        crd.putObject("spec").put("group", "sources.knative.dev").put("scope", "Namespaced").putObject("names")
                .put("kind", kind).put("plural", plural);
        return crd;
    }
}
