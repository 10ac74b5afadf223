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

/** source ping update against the fake API server: each flag changes its field and nothing else. */
class PingSourceUpdateTest extends EventingCliTest {

    private static final String CREATED = """
            {"schedule":"*/1 * * * *","timezone":"Europe/Paris","data":"{}","sink":{"ref":{"apiVersion":\
            "eventing.knative.dev/v1","kind":"Broker","name":"default"}},"ceOverrides":{"extensions":{"team":"a"}}}""";

    static Stream<UpdateRow> rows() {
        return Stream.of(
                new UpdateRow("schedule", List.of("--schedule", "0 9 * * 1"),
                        CREATED.replace("*/1 * * * *", "0 9 * * 1")),
                new UpdateRow("timezone", List.of("--timezone", "UTC"), CREATED.replace("Europe/Paris", "UTC")),
                new UpdateRow("empty timezone removes it", List.of("--timezone", ""),
                        CREATED.replace("\"timezone\":\"Europe/Paris\",", "")),
                new UpdateRow("text data", List.of("--data", "{\"a\":1}"),
                        CREATED.replace("\"{}\"", "\"{\\\"a\\\":1}\"")),
                new UpdateRow("base64 data replaces text data", List.of("-d", "ZGF0YQ==", "-e", "base64"),
                        CREATED.replace("\"data\":\"{}\"", "\"dataBase64\":\"ZGF0YQ==\"")),
                new UpdateRow("empty data removes it", List.of("--data", ""), CREATED.replace("\"data\":\"{}\",", "")),
                new UpdateRow("sink", List.of("--sink", "ksvc:display:other"), CREATED.replace(
                        "\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\",\"name\":\"default\"",
                        "\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"display\","
                                + "\"namespace\":\"other\"")),
                new UpdateRow("added override", List.of("--ce-override", "tier=b"),
                        CREATED.replace("\"team\":\"a\"", "\"team\":\"a\",\"tier\":\"b\"")),
                new UpdateRow("removing the last override drops them", List.of("--ce-override", "team-"),
                        CREATED.replace(",\"ceOverrides\":{\"extensions\":{\"team\":\"a\"}}", "")));
    }

    @BeforeEach
    void createTick() {
        CliResult created = kumo("source", "ping", "create", "tick", "--schedule", "*/1 * * * *", "--timezone",
                "Europe/Paris", "--data", "{}", "--ce-override", "team=a", "--sink", "broker:default");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(spec()).isEqualTo(Json.parseObject(CREATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachFlagChangesOnlyItsField(UpdateRow row) {
        CliResult result = kumo(List.of("source", "ping", "update", "tick"), row.flags());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Ping source 'tick' updated in namespace 'default'.\n");
        assertThat(spec()).isEqualTo(Json.parseObject(row.spec()));
    }

    @Test
    void textDataReplacesBase64Data() {
        kumo("source", "ping", "update", "tick", "--data", "ZGF0YQ==", "--encoding", "base64");

        kumo("source", "ping", "update", "tick", "--data", "hello");

        assertThat(spec().path("data").asText()).isEqualTo("hello");
        assertThat(spec().has("dataBase64")).isFalse();
    }

    @Test
    void putsBackTheVersionItRead() {
        String read = server.stored(ResourceTypes.PING_SOURCE, "default", "tick").orElseThrow()
                .at("/metadata/resourceVersion").asText();

        kumo("source", "ping", "update", "tick", "--schedule", "0 * * * *");

        assertThat(server.requests().getLast().line())
                .isEqualTo("PUT /apis/sources.knative.dev/v1/namespaces/default/pingsources/tick");
        assertThat(lastBody().at("/metadata/resourceVersion").asText()).isEqualTo(read);
    }

    @Test
    void anEncodingWithoutDataOrAnUnknownOneIsAUsageError() {
        CliResult alone = kumo("source", "ping", "update", "tick", "--encoding", "base64");
        assertThat(alone.exitCode()).isEqualTo(1);
        assertThat(alone.err()).startsWith("Error: --encoding 'base64' without --data: give the data it describes, "
                + "e.g. --data ZGF0YQ== --encoding base64\n");

        CliResult unknown = kumo("source", "ping", "update", "tick", "--data", "x", "--encoding", "hex");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("Error: invalid --encoding 'hex': want text or base64\n");
        assertThat(spec()).isEqualTo(Json.parseObject(CREATED));
    }

    @Test
    void updateOfAMissingSourceSaysItIsNotFound() {
        CliResult result = kumo("source", "ping", "update", "nope", "--schedule", "0 * * * *");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("""
                Error: pingsources.sources.knative.dev "nope" not found
                Run 'kumo get pingsources' to see the pingsources in namespace default.
                """);
    }

    private JsonNode spec() {
        return server.stored(ResourceTypes.PING_SOURCE, "default", "tick").orElseThrow().path("spec");
    }
}
