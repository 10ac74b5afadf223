package dev.kumo.cli.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --untag}, {@code --tag} and {@code --traffic} on a traffic block, written compactly: a target is
 * {@code REV[#TAG]:PERCENT} with {@code @latest} for the latest ready revision.
 */
class TrafficEditTest {

    /** One case; {@code expected} starting with {@code !} is the error message wanted instead. */
    record Row(String name, String current, String untags, String tags, String traffic, String expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("no block means all to @latest", "", "", "", "", "@latest:100"),
                new Row("even split", "@latest:100", "", "", "hello-00001=50,@latest=50",
                        "@latest:50 hello-00001:50"),
                new Row("the one remaining target gets the rest", "@latest:100", "", "", "hello-00001=20",
                        "@latest:80 hello-00001:20"),
                new Row("the rest goes to the one target still with traffic", "@latest#cur:0 a:100", "", "",
                        "@latest=10", "@latest#cur:10 a:90"),
                new Row("targets named by no --traffic lose their traffic", "@latest:50 a:50", "", "",
                        "@latest=100", "@latest:100"),
                new Row("tagged targets stay at 0", "@latest:50 a#old:50", "", "", "@latest=100",
                        "@latest:100 a#old:0"),
                new Row("a tag names a target", "@latest:50 a#old:50", "", "", "old=10,@latest=90",
                        "@latest:90 a#old:10"),
                new Row("a tag on an untagged target", "@latest:100", "", "@latest=current", "",
                        "@latest#current:100"),
                new Row("a tag on a revision without traffic adds a target", "@latest:100", "", "a=old", "",
                        "@latest:100 a#old:0"),
                new Row("untag keeps the traffic", "a#old:100", "old", "", "", "a:100"),
                new Row("untag drops a target without traffic", "@latest:100 a#old:0", "old", "", "",
                        "@latest:100"),
                new Row("untag then retag moves a tag", "@latest:100 a#x:0", "x", "b=x", "",
                        "@latest:100 b#x:0"),
                new Row("percent sign allowed", "@latest:100", "", "", "a=25%", "@latest:75 a:25"),
                new Row("over 100 refused", "@latest:100", "", "", "a=60,@latest=50", "!sum to 110"),
                new Row("no one to give the rest to", "@latest:50 a:50", "", "", "a=10,@latest=10",
                        "!no other target"),
                new Row("two to give the rest to", "@latest:50 a:25 b:25", "", "", "a=10",
                        "!more than one other target"),
                new Row("a tag in use is refused", "@latest#x:100", "", "a=x", "", "!already in use"),
                new Row("an unknown tag cannot be removed", "@latest:100", "nope", "", "", "!no traffic target"),
                new Row("a percent must be a number", "@latest:100", "", "", "a=half", "!invalid --traffic"),
                new Row("a target named twice", "@latest:100", "", "", "a=50,a=50", "!more than once"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void edits(Row row) {
        JsonNode current = TrafficEdit.write(parse(row.current()));
        if (row.current().isEmpty()) {
            current = Json.mapper().createArrayNode();
        }
        JsonNode block = current;
        if (row.expected().startsWith("!")) {
            assertThatThrownBy(() -> apply(block, row)).isInstanceOf(InvalidFlag.class)
                    .hasMessageContaining(row.expected().substring(1));
        } else {
            assertThat(format(TrafficEdit.read(apply(block, row)))).isEqualTo(row.expected());
        }
    }

    private static JsonNode apply(JsonNode current, Row row) {
        return TrafficEdit.apply(current, list(row.untags()), list(row.tags()), list(row.traffic()));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }

    private static List<TrafficEdit.Target> parse(String compact) {
        if (compact.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(compact.split(" ")).map(t -> {
            String[] refAndPercent = t.split(":");
            String[] revAndTag = refAndPercent[0].split("#");
            String revision = revAndTag[0].equals("@latest") ? "" : revAndTag[0];
            return new TrafficEdit.Target(revision, revAndTag.length > 1 ? revAndTag[1] : "",
                    Long.parseLong(refAndPercent[1]));
        }).toList();
    }

    private static String format(List<TrafficEdit.Target> targets) {
        return targets.stream().map(t -> (t.latest() ? "@latest" : t.revision())
                + (t.tag().isEmpty() ? "" : "#" + t.tag()) + ":" + t.percent()).collect(Collectors.joining(" "));
    }
}
