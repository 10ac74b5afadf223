package dev.kumo.eventing.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.sql.EvaluationException.ErrorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The CloudEvents SQL test kit ({@code cesql_tck/}, copied from cloudevents/spec): every case, one dynamic test each,
 * through Kumo's compiler and evaluator.
 * <ul>
 *   <li>{@code error: parse}: compiling the filter throws {@link InvalidFilterException};</li>
 *   <li>any other {@code error}: evaluation fails with that kind, and the filter does not pass the event;</li>
 *   <li>no {@code error}: the value equals {@code result}, and the filter passes the event iff it is {@code true}.</li>
 * </ul>
 * With an error, the kit's {@code result} is the value a complete-evaluation engine returns beside the error. Kumo
 * evaluates fail-fast, as CESQL v1 §1.1 asks of filters: the first error is the outcome and there is no value; a
 * filter never looks at one anyway (§1.1: with any error the event MUST NOT pass).
 */
class CesqlTckTest {

    private static final String KIT = "/cesql_tck";

    /**
     * Cases where the kit contradicts the CESQL v1 spec text. Both official SDKs amend them the same way in their own
     * copies of the kit (sdk-java {@code sql/src/test/resources/tck}, sdk-go {@code sql/v2/test/tck}).
     */
    private static final Map<String, Expected> ERRATA = Map.of(
            // §3.7: "Integer -> Boolean: returns false if the integer is 0, and true otherwise" is a cast every
            // engine MUST support, so NOT 10 is NOT true = false, without error. The kit still says "cast error,
            // result true", from before the cast table was written (spec PR #1281).
            "Not operator: Invalid int cast", new Expected(Optional.of(false), Optional.empty()));

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicContainer> tck() {
        return suites().stream().map(suite -> DynamicContainer.dynamicContainer(suite.name() + " (" + suite.file()
                + ")", suite.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)))));
    }

    @Test
    void theWholeKitIsThere() {
        List<Suite> suites = suites();

        assertThat(suites).hasSize(18);
        assertThat(suites.stream().mapToInt(s -> s.cases().size()).sum()).isEqualTo(275);
        assertThat(ERRATA.keySet()).allSatisfy(key -> assertThat(suites.stream().flatMap(s -> s.cases().stream())
                .map(TckCase::key)).contains(key));
    }

    private static void check(TckCase c) {
        Expected expected = ERRATA.getOrDefault(c.key(), c.expected());
        if (expected.error().filter("parse"::equals).isPresent()) {
            assertThatThrownBy(() -> Filters.compile(FilterSpec.cesql(c.expression())))
                    .isInstanceOf(InvalidFilterException.class)
                    .hasMessageContaining(c.expression());
            return;
        }
        CesqlFilter filter = CesqlFilter.compile(c.expression(), "cesql");
        CesqlResult result = filter.evaluate(c.event());
        if (expected.error().isPresent()) {
            assertThat(result).isInstanceOfSatisfying(CesqlResult.Failed.class,
                    failed -> assertThat(failed.kind()).isEqualTo(kind(expected.error().get())));
        } else {
            assertThat(result).isEqualTo(new CesqlResult.Value(expected.result().orElseThrow()));
        }
        boolean passes = expected.error().isEmpty() && expected.result().orElseThrow().equals(true);
        assertThat(filter.test(c.event())).isEqualTo(passes);
    }

    private static ErrorKind kind(String tckError) {
        return switch (tckError) {
            case "math" -> ErrorKind.MATH;
            case "cast" -> ErrorKind.CAST;
            case "missingFunction" -> ErrorKind.MISSING_FUNCTION;
            case "functionEvaluation" -> ErrorKind.FUNCTION_EVALUATION;
            case "missingAttribute" -> ErrorKind.MISSING_ATTRIBUTE;
            case "generic" -> ErrorKind.GENERIC;
            default -> throw new IllegalArgumentException("unknown TCK error kind " + tckError);
        };
    }

    private static List<Suite> suites() {
        try (Stream<Path> files = Files.list(Path.of(CesqlTckTest.class.getResource(KIT).toURI()))) {
            List<Suite> suites = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode root = YAML.readTree(file.toFile());
                String name = root.get("name").asText();
                List<TckCase> cases = new ArrayList<>();
                for (JsonNode test : root.get("tests")) {
                    cases.add(new TckCase(name, test.get("name").asText(), test.get("expression").asText(),
                            expected(test), event(test)));
                }
                suites.add(new Suite(file.getFileName().toString(), name, cases));
            }
            return suites;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Expected expected(JsonNode test) {
        JsonNode result = test.get("result");
        Optional<Object> value = result == null ? Optional.empty() : Optional.of(switch (result.getNodeType()) {
            case BOOLEAN -> result.booleanValue();
            case NUMBER -> result.intValue();
            default -> result.asText();
        });
        return new Expected(value, Optional.ofNullable(test.get("error")).map(JsonNode::asText));
    }

    /** The kit's {@code event} (a JSON CloudEvent), else any valid event, then its {@code eventOverrides}. */
    private static CloudEvent event(JsonNode test) throws IOException {
        CloudEvent event = test.has("event")
                ? new JsonFormat().deserialize(JSON.writeValueAsBytes(test.get("event")))
                : TestEvents.event();
        if (!test.has("eventOverrides")) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.from(event);
        for (Map.Entry<String, JsonNode> override : test.get("eventOverrides").properties()) {
            JsonNode value = override.getValue();
            switch (value.getNodeType()) {
                case BOOLEAN -> builder.withContextAttribute(override.getKey(), value.booleanValue());
                case NUMBER -> builder.withContextAttribute(override.getKey(), value.intValue());
                default -> builder.withContextAttribute(override.getKey(), value.asText());
            }
        }
        return builder.build();
    }

    private record Suite(String file, String name, List<TckCase> cases) {
    }

    private record Expected(Optional<Object> result, Optional<String> error) {
    }

    private record TckCase(String suite, String name, String expression, Expected expected, CloudEvent event) {
        String key() {
            return suite + ": " + name;
        }
    }
}
