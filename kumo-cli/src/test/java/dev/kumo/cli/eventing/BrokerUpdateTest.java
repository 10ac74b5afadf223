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

/** broker update against the fake API server: each delivery flag changes its field; the class stays. */
class BrokerUpdateTest extends EventingCliTest {

    private static final String CREATED = """
            {"delivery":{"deadLetterSink":{"uri":"http://dead.example/"},"retry":3,"backoffPolicy":"linear",\
            "backoffDelay":"PT1S","timeout":"PT10S"}}""";

    static Stream<UpdateRow> rows() {
        return Stream.of(
                new UpdateRow("dead-letter sink", List.of("--dl-sink", "ksvc:dead"), CREATED.replace(
                        "\"uri\":\"http://dead.example/\"",
                        "\"ref\":{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"dead\"}")),
                new UpdateRow("empty dead-letter sink removes it", List.of("--dl-sink", ""),
                        CREATED.replace("\"deadLetterSink\":{\"uri\":\"http://dead.example/\"},", "")),
                new UpdateRow("retry", List.of("--retry", "5"), CREATED.replace(":3,", ":5,")),
                new UpdateRow("backoff policy", List.of("--backoff-policy", "exponential"),
                        CREATED.replace("linear", "exponential")),
                new UpdateRow("backoff delay", List.of("--backoff-delay", "PT2S"), CREATED.replace("PT1S", "PT2S")),
                new UpdateRow("timeout", List.of("--timeout", "PT5S"), CREATED.replace("PT10S", "PT5S")),
                new UpdateRow("empty timeout removes it", List.of("--timeout", ""),
                        CREATED.replace(",\"timeout\":\"PT10S\"", "")),
                new UpdateRow("retry-after max", List.of("--retry-after-max", "PT1M"),
                        CREATED.replace("}}", ",\"retryAfterMax\":\"PT1M\"}}")),
                new UpdateRow("the same class is no change", List.of("--class", "KumoBroker", "--retry", "3"),
                        CREATED));
    }

    @BeforeEach
    void createDefault() {
        CliResult created = kumo("broker", "create", "default", "--class", "KumoBroker", "--dl-sink",
                "http://dead.example/", "--retry", "3", "--backoff-policy", "linear", "--backoff-delay", "PT1S",
                "--timeout", "PT10S");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(broker().path("spec")).isEqualTo(Json.parseObject(CREATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachFlagChangesOnlyItsField(UpdateRow row) {
        CliResult result = kumo(List.of("broker", "update", "default"), row.flags());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Broker 'default' updated in namespace 'default'.\n");
        assertThat(broker().path("spec")).isEqualTo(Json.parseObject(row.spec()));
        assertThat(broker().at("/metadata/annotations/eventing.knative.dev~1broker.class").asText())
                .isEqualTo("KumoBroker");
    }

    @Test
    void removingEveryDeliveryFieldButRetryKeepsRetry() {
        kumo("broker", "update", "default", "--dl-sink", "", "--backoff-policy", "", "--backoff-delay", "",
                "--timeout", "");

        assertThat(broker().path("spec").toString()).isEqualTo("{\"delivery\":{\"retry\":3}}");
    }

    @Test
    void anotherClassIsRefusedWithTheWayToGetIt() {
        CliResult result = kumo("broker", "update", "default", "--class", "Kafka", "--retry", "1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: invalid --class 'Kafka': a Broker's class cannot change and "
                + "this one is of class 'KumoBroker'; delete the broker and create it again with --class Kafka\n");
        assertThat(server.requests().stream().filter(r -> r.method().equals("PUT"))).isEmpty();
    }

    @Test
    void anUpdateWithoutFlagsSaysWhatItTakes() {
        CliResult result = kumo("broker", "update", "default");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: nothing to update: give one or more of --dl-sink, --retry, "
                + "--backoff-policy, --backoff-delay, --timeout, --retry-after-max\n");
        assertThat(server.requests().stream().filter(r -> r.method().equals("PUT"))).isEmpty();
    }

    @Test
    void updateOfAMissingBrokerSaysItIsNotFound() {
        CliResult result = kumo("broker", "update", "nope", "--retry", "1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("""
                Error: brokers.eventing.knative.dev "nope" not found
                Run 'kumo get brokers' to see the brokers in namespace default.
                """);
    }

    private JsonNode broker() {
        return server.stored(ResourceTypes.BROKER, "default", "default").orElseThrow();
    }
}
