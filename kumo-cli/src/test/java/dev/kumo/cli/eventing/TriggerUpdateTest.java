package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** trigger update against the fake API server: filters edited one by one, the sink replaced, the broker kept. */
class TriggerUpdateTest extends EventingCliTest {

    private static final String CREATED = """
            {"broker":"events","filter":{"attributes":{"type":"a","source":"/s"}},"filters":[{"cesql":"true"}],\
            "subscriber":{"uri":"http://display.example/"}}""";

    static Stream<UpdateRow> rows() {
        return Stream.of(
                new UpdateRow("changed filter", List.of("--filter", "type=b"), CREATED.replace("\"a\"", "\"b\"")),
                new UpdateRow("added filter", List.of("--filter", "subject=x"),
                        CREATED.replace("\"/s\"", "\"/s\",\"subject\":\"x\"")),
                new UpdateRow("removed filter", List.of("--filter", "type-"), CREATED.replace("\"type\":\"a\",", "")),
                new UpdateRow("removing every filter drops it", List.of("--filter", "type-", "--filter", "source-"),
                        CREATED.replace("\"filter\":{\"attributes\":{\"type\":\"a\",\"source\":\"/s\"}},", "")),
                new UpdateRow("cesql replaces the filters", List.of("--filters-cesql", "subject LIKE 'x%'"),
                        CREATED.replace("\"true\"", "\"subject LIKE 'x%'\"")),
                new UpdateRow("empty cesql removes the filters", List.of("--filters-cesql", ""),
                        CREATED.replace("\"filters\":[{\"cesql\":\"true\"}],", "")),
                new UpdateRow("sink", List.of("-s", "ksvc:display"),
                        CREATED.replace("\"uri\":\"http://display.example/\"", "\"ref\":{\"apiVersion\":"
                                + "\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"display\"}")),
                new UpdateRow("the same broker is no change", List.of("--broker", "events"), CREATED));
    }

    @BeforeEach
    void createDisplay() {
        CliResult created = kumo("trigger", "create", "display", "--broker", "events", "--filter", "type=a",
                "--filter", "source=/s", "--filters-cesql", "true", "--sink", "http://display.example/");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(spec()).isEqualTo(Json.parseObject(CREATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachFlagChangesOnlyItsField(UpdateRow row) {
        CliResult result = kumo(List.of("trigger", "update", "display"), row.flags());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Trigger 'display' updated in namespace 'default'.\n");
        assertThat(spec()).isEqualTo(Json.parseObject(row.spec()));
    }

    @Test
    void anotherBrokerIsRefusedWithTheWayToGetIt() {
        CliResult result = kumo("trigger", "update", "display", "--broker", "other", "--filter", "type=b");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: invalid --broker 'other': a Trigger's broker cannot change and "
                + "this one is on 'events'; delete the trigger and create it again with --broker other\n");
        assertThat(server.requests().stream().filter(r -> r.method().equals("PUT"))).isEmpty();
        assertThat(spec()).isEqualTo(Json.parseObject(CREATED));
    }

    @Test
    void aBadFilterIsAUsageError() {
        CliResult result = kumo("trigger", "update", "display", "--filter", "type");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Error: invalid --filter 'type': want KEY=value, or KEY- to remove it\n");
    }

    @Test
    void rereadsAndRetriesWhenAnotherWriterWon() {
        server.conflictOnNextPuts(2);

        CliResult result = kumo("trigger", "update", "display", "--filter", "type=b");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.requests().stream().filter(r -> r.method().equals("PUT")).count()).isEqualTo(3);
        assertThat(spec().at("/filter/attributes/type").asText()).isEqualTo("b");
    }

    @Test
    void updateOfAMissingTriggerSaysItIsNotFound() {
        CliResult result = kumo("trigger", "update", "nope", "--sink", "ksvc:x", "-n", "team");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("""
                Error: triggers.eventing.knative.dev "nope" not found
                Run 'kumo get triggers -n team' to see the triggers in namespace team.
                """);
    }

    private JsonNode spec() {
        return server.stored(ResourceTypes.TRIGGER, "default", "display").orElseThrow().path("spec");
    }
}
