package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import org.junit.jupiter.api.Test;

/** source binding create|update|describe|list|delete against the fake API server: what is sent and said. */
class SinkBindingCommandsTest extends EventingCliTest {

    @Test
    void createBindsASubjectByName() {
        CliResult result = kumo("source", "binding", "create", "bind", "--subject", "Deployment:apps/v1:emitter",
                "--sink", "broker:default", "--ce-override", "sink=bound", "-n", "team");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Sink binding 'bind' successfully created in namespace 'team'.\n");
        assertThat(server.requests().getLast().line())
                .isEqualTo("POST /apis/sources.knative.dev/v1/namespaces/team/sinkbindings");
        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"subject":{"apiVersion":"apps/v1","kind":"Deployment","name":"emitter"},"sink":{"ref":\
                {"apiVersion":"eventing.knative.dev/v1","kind":"Broker","name":"default"}},\
                "ceOverrides":{"extensions":{"sink":"bound"}}}""");
    }

    @Test
    void createBindsSubjectsByLabelSelector() {
        kumo("source", "binding", "create", "bind", "--subject", "Job:batch/v1:app=heartbeat-cron,tier=x",
                "--sink", "http://display.example/");

        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"subject":{"apiVersion":"batch/v1","kind":"Job","selector":{"matchLabels":\
                {"app":"heartbeat-cron","tier":"x"}}},"sink":{"uri":"http://display.example/"}}""");
    }

    @Test
    void updateReplacesTheSubjectAndKeepsTheSink() {
        kumo("source", "binding", "create", "bind", "--subject", "Job:batch/v1:app=cron", "--sink", "ksvc:a");

        CliResult result = kumo("source", "binding", "update", "bind", "--subject", "Deployment:apps/v1:emitter");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Sink binding 'bind' updated in namespace 'default'.\n");
        assertThat(server.stored(ResourceTypes.SINK_BINDING, "default", "bind").orElseThrow().path("spec")
                .toString()).isEqualTo("""
                {"subject":{"apiVersion":"apps/v1","kind":"Deployment","name":"emitter"},"sink":{"ref":\
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","name":"a"}}}""");
    }

    @Test
    void updateRereadsAndRetriesWhenAnotherWriterWon() {
        kumo("source", "binding", "create", "bind", "--subject", "Job:batch/v1:app=cron", "--sink", "ksvc:a");
        server.conflictOnNextPuts(1);

        CliResult result = kumo("source", "binding", "update", "bind", "--sink", "ksvc:b");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.requests().stream().filter(r -> r.line().startsWith("PUT ")).count()).isEqualTo(2);
        assertThat(server.stored(ResourceTypes.SINK_BINDING, "default", "bind").orElseThrow()
                .at("/spec/sink/ref/name").asText()).isEqualTo("b");
    }

    @Test
    void listDescribeAndDelete() {
        kumo("source", "binding", "create", "bind", "--subject", "Job:batch/v1:app=cron", "--sink", "ksvc:a");

        assertThat(kumo("source", "binding", "list").out()).isEqualTo("""
                NAME   SUBJECT                 SINK     AGE   CONDITIONS   READY       REASON
                bind   Job:batch/v1:app=cron   ksvc:a   5m    0 OK / 0     <unknown>   <unknown>
                """);
        assertThat(kumo("source", "binding", "describe", "bind").out()).isEqualTo("""
                Name:       bind
                Namespace:  default
                Age:        5m
                Subject:    Job:batch/v1:app=cron
                Sink:       ksvc:a
                """);
        assertThat(kumo("source", "binding", "delete", "bind").out())
                .isEqualTo("Sink binding 'bind' successfully deleted in namespace 'default'.\n");
        assertThat(server.stored(ResourceTypes.SINK_BINDING, "default", "bind")).isEmpty();
    }

    @Test
    void aBadOrMissingSubjectIsAUsageError() {
        CliResult bad = kumo("source", "binding", "create", "bind", "--subject", "Deployment:apps/v1", "--sink",
                "ksvc:a");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("Error: invalid --subject 'Deployment:apps/v1': want KIND:APIVERSION:NAME "
                + "or KIND:APIVERSION:KEY=VALUE,..., e.g. Deployment:apps/v1:hello or Job:batch/v1:app=cron\n");
        CliResult missing = kumo("source", "binding", "create", "bind", "--sink", "ksvc:a");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("Error: missing --subject: say what to bind");
        assertThat(server.requests()).isEmpty();
    }
}
