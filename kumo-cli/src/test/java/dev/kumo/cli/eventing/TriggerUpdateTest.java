package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * trigger update against the fake API server: filters edited one by one (the attribute filters in {@code filters} when
 * there are others, as Knative ignores {@code filter} then), the sink replaced, the broker kept.
 */
class TriggerUpdateTest extends EventingCliTest {

    private static final String CREATED = """
            {"broker":"events","filters":[{"exact":{"type":"a","source":"/s"}},{"cesql":"true"}],\
            "subscriber":{"uri":"http://display.example/"}}""";

    static Stream<UpdateRow> rows() {
        return Stream.of(
                new UpdateRow("changed filter", List.of("--filter", "type=b"), CREATED.replace("\"a\"", "\"b\"")),
                new UpdateRow("added filter", List.of("--filter", "subject=x"),
                        CREATED.replace("\"/s\"", "\"/s\",\"subject\":\"x\"")),
                new UpdateRow("removed filter", List.of("--filter", "type-"), CREATED.replace("\"type\":\"a\",", "")),
                new UpdateRow("removing every filter drops it", List.of("--filter", "type-", "--filter", "source-"),
                        CREATED.replace("{\"exact\":{\"type\":\"a\",\"source\":\"/s\"}},", "")),
                new UpdateRow("cesql replaces the filters", List.of("--filters-cesql", "subject LIKE 'x%'"),
                        CREATED.replace("\"true\"", "\"subject LIKE 'x%'\"")),
                new UpdateRow("empty cesql removes it, the attributes go back where kn writes them",
                        List.of("--filters-cesql", ""), CREATED.replace(
                                "\"filters\":[{\"exact\":{\"type\":\"a\",\"source\":\"/s\"}},{\"cesql\":\"true\"}]",
                                "\"filter\":{\"attributes\":{\"type\":\"a\",\"source\":\"/s\"}}")),
                new UpdateRow("sink", List.of("-s", "ksvc:display"),
                        CREATED.replace("\"uri\":\"http://display.example/\"", "\"ref\":{\"apiVersion\":"
                                + "\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"display\"}")),
                new UpdateRow("the same broker is no change", List.of("--broker", "events"), CREATED));
    }

    /** Triggers written before (or by other clients): where the attribute filters end up after an update. */
    static Stream<SeededRow> seeded() {
        return Stream.of(
                new SeededRow("kn's attribute filter moves into filters beside a new cesql",
                        "{\"filter\":{\"attributes\":{\"type\":\"a\"}}}", List.of("--filters-cesql", "true"),
                        "{\"filters\":[{\"exact\":{\"type\":\"a\"}},{\"cesql\":\"true\"}]}"),
                new SeededRow("an attribute filter Knative ignored beside filters counts once edited",
                        "{\"filter\":{\"attributes\":{\"type\":\"a\"}},\"filters\":[{\"cesql\":\"true\"}]}",
                        List.of("--filter", "source=/s"),
                        "{\"filters\":[{\"exact\":{\"type\":\"a\",\"source\":\"/s\"}},{\"cesql\":\"true\"}]}"),
                new SeededRow("other dialects stay beside a new attribute filter",
                        "{\"filters\":[{\"prefix\":{\"type\":\"dev.\"}}]}", List.of("--filter", "source=/s"),
                        "{\"filters\":[{\"exact\":{\"source\":\"/s\"}},{\"prefix\":{\"type\":\"dev.\"}}]}"),
                new SeededRow("an exact filter anywhere in filters is the one --filter edits",
                        "{\"filters\":[{\"cesql\":\"true\"},{\"exact\":{\"type\":\"a\"}}]}",
                        List.of("--filter", "type=b"),
                        "{\"filters\":[{\"exact\":{\"type\":\"b\"}},{\"cesql\":\"true\"}]}"),
                new SeededRow("only --filter on a trigger without filters stays kn's attribute filter",
                        "{}", List.of("--filter", "type=a"), "{\"filter\":{\"attributes\":{\"type\":\"a\"}}}"));
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeded")
    void attributeFiltersCountBesideTheOtherFilters(SeededRow row) {
        ObjectNode spec = Json.parseObject(row.before()).put("broker", "events");
        spec.putObject("subscriber").put("uri", "http://display.example/");
        ObjectNode trigger = Json.parseObject("""
                {"apiVersion":"eventing.knative.dev/v1","kind":"Trigger",\
                "metadata":{"name":"display","namespace":"default"}}""");
        server.seed(ResourceTypes.TRIGGER, trigger.set("spec", spec));

        CliResult result = kumo(List.of("trigger", "update", "display"), row.flags());

        assertThat(result.exitCode()).as(result.err()).isZero();
        ObjectNode wanted = Json.parseObject(row.after()).put("broker", "events");
        wanted.putObject("subscriber").put("uri", "http://display.example/");
        assertThat(spec()).isEqualTo(wanted);
    }

    /** A trigger spec (without broker and sink) before the update flags, and the one wanted after. */
    record SeededRow(String name, String before, List<String> flags, String after) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void anotherBrokerIsRefusedWithTheWayToGetIt() {
        CliResult result = kumo("trigger", "update", "display", "--broker", "other", "--filter", "type=b");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: invalid --broker 'other': a Trigger's broker cannot change and "
                + "this one is on 'events'; delete the trigger and create it again with --broker other\n");
        assertThat(server.requests().stream().filter(r -> r.method().equals("PUT"))).isEmpty();
        assertThat(spec()).isEqualTo(Json.parseObject(CREATED));
    }

    @Test
    void aBadFilterIsAUsageError() {
        CliResult result = kumo("trigger", "update", "display", "--filter", "type");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: invalid --filter 'type': want KEY=value, or KEY- to remove it\n");
    }

    @Test
    void rereadsAndRetriesWhenAnotherWriterWon() {
        server.conflictOnNextPuts(2);

        CliResult result = kumo("trigger", "update", "display", "--filter", "type=b");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(server.requests().stream().filter(r -> r.method().equals("PUT")).count()).isEqualTo(3);
        assertThat(spec().at("/filters/0/exact/type").asText()).isEqualTo("b");
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
