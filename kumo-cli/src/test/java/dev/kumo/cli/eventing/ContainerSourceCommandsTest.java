package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import org.junit.jupiter.api.Test;

/** source container create|update|describe|list|delete against the fake API server: what is sent and said. */
class ContainerSourceCommandsTest extends EventingCliTest {

    @Test
    void createWithAnImage() {
        CliResult result = kumo("source", "container", "create", "heartbeat", "--image", "example/heartbeats",
                "--arg", "--period=1", "-e", "POD_NAME=hb", "--sink", "ksvc:display");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .isEqualTo("Container source 'heartbeat' successfully created in namespace 'default'.\n");
        assertThat(server.requests().getLast().line())
                .isEqualTo("POST /apis/sources.knative.dev/v1/namespaces/default/containersources");
        assertThat(lastBody().path("spec").toString()).isEqualTo("""
                {"template":{"spec":{"containers":[{"image":"example/heartbeats","args":["--period=1"],\
                "env":[{"name":"POD_NAME","value":"hb"}]}]}},"sink":{"ref":{"apiVersion":"serving.knative.dev/v1",\
                "kind":"Service","name":"display"}}}""");
    }

    @Test
    void createWithACommandAloneForTheProcessRuntime() {
        CliResult result = kumo("source", "container", "create", "emit", "--cmd", "python3", "--arg", "emit.py",
                "--sink", "broker:default");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(lastBody().at("/spec/template/spec/containers").toString())
                .isEqualTo("[{\"command\":[\"python3\"],\"args\":[\"emit.py\"]}]");
    }

    @Test
    void updateEditsTheContainerAndKeepsTheRest() {
        kumo("source", "container", "create", "emit", "--cmd", "python3", "--arg", "emit.py", "-e", "A=1", "-e",
                "B=2", "--sink", "broker:default");

        CliResult result = kumo("source", "container", "update", "emit", "--arg", "emit2.py", "-e", "A-", "-e",
                "C=3", "--sink", "ksvc:display");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Container source 'emit' updated in namespace 'default'.\n");
        assertThat(server.stored(ResourceTypes.CONTAINER_SOURCE, "default", "emit").orElseThrow().path("spec")
                .toString()).isEqualTo("""
                {"template":{"spec":{"containers":[{"command":["python3"],"args":["emit2.py"],\
                "env":[{"name":"B","value":"2"},{"name":"C","value":"3"}]}]}},"sink":{"ref":\
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","name":"display"}}}""");
    }

    @Test
    void listDescribeAndDelete() {
        kumo("source", "container", "create", "emit", "--cmd", "python3", "--arg", "emit.py", "-e", "A=1",
                "--sink", "broker:default");
        kumo("source", "container", "create", "hb", "--image", "example/heartbeats", "--sink", "ksvc:display");

        assertThat(kumo("source", "container", "list").out()).isEqualTo("""
                NAME   IMAGE                SINK             AGE   CONDITIONS   READY       REASON
                emit   python3 emit.py      broker:default   5m    0 OK / 0     <unknown>   <unknown>
                hb     example/heartbeats   ksvc:display     5m    0 OK / 0     <unknown>   <unknown>
                """);
        assertThat(kumo("source", "container", "describe", "emit").out()).isEqualTo("""
                Name:       emit
                Namespace:  default
                Age:        5m
                Command:    python3 emit.py
                Sink:       broker:default

                Env:
                  A=1
                """);
        assertThat(kumo("source", "container", "delete", "emit", "hb").out()).isEqualTo("""
                Container source 'emit' successfully deleted in namespace 'default'.
                Container source 'hb' successfully deleted in namespace 'default'.
                """);
    }

    @Test
    void aSourceWithoutImageOrCommandOrWithABadEnvIsAUsageError() {
        CliResult nothing = kumo("source", "container", "create", "emit", "--sink", "ksvc:a");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).startsWith("Error: missing --image or --cmd: say what the source runs, e.g. "
                + "--image IMAGE, or --cmd python3 --arg emit.py for Kumo's process runtime\n");
        CliResult env = kumo("source", "container", "create", "emit", "--image", "x", "-e", "=1", "--sink",
                "ksvc:a");
        assertThat(env.exitCode()).isEqualTo(1);
        assertThat(env.err()).startsWith("Error: invalid --env '=1': want KEY=value, or KEY- to remove it\n");
        assertThat(server.requests()).isEmpty();
    }
}
