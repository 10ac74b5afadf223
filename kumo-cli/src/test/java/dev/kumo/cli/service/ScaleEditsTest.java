package dev.kumo.cli.service;

import static dev.kumo.cli.service.ServiceSpecEditTest.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scale flags → the revision template's autoscaling annotations, as kn writes them; bad values refused. */
class ScaleEditsTest {

    private static final String A = "autoscaling.knative.dev/";

    /** One case: the template's annotations before (JSON), the flags, the template's annotations after. */
    record Row(String name, String before, String args, String after) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("min and max", "{}", "--scale-min 1 --scale-max 5",
                        "{'min-scale':'1','max-scale':'5'}"),
                new Row("--scale N sets both", "{}", "--scale 3", "{'min-scale':'3','max-scale':'3'}"),
                new Row("--scale MIN..MAX", "{}", "--scale 1..5", "{'min-scale':'1','max-scale':'5'}"),
                new Row("--scale MIN.. keeps the maximum", "{'max-scale':'10'}", "--scale 2..",
                        "{'max-scale':'10','min-scale':'2'}"),
                new Row("--scale ..MAX keeps the minimum", "{'min-scale':'1'}", "--scale ..5",
                        "{'min-scale':'1','max-scale':'5'}"),
                new Row("max 0 is no limit", "{'min-scale':'4'}", "--scale-max 0",
                        "{'min-scale':'4','max-scale':'0'}"),
                new Row("initial scale 0", "{}", "--scale-init 0", "{'initial-scale':'0'}"),
                new Row("metric, target, utilization, window", "{}",
                        "--scale-metric rps --scale-target 50 --scale-utilization 80 --scale-window 2m",
                        "{'metric':'rps','target':'50','target-utilization-percentage':'80','window':'2m'}"),
                new Row("an older spelling is replaced", "{'minScale':'1','maxScale':'9'}", "--scale-min 2",
                        "{'maxScale':'9','min-scale':'2'}"),
                new Row("other annotations stay", "{'window':'30s','team':'a'}", "--scale-max 4",
                        "{'window':'30s','team':'a','max-scale':'4'}"),
                new Row("--annotation KEY- removes one", "{'min-scale':'1','team':'a'}", "-a " + A + "min-scale-",
                        "{'team':'a'}"),
                new Row("the last one removed drops the map", "{'min-scale':'1'}", "-a " + A + "min-scale-",
                        "none"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void flagsBecomeTemplateAnnotations(Row row) {
        ObjectNode edited = ServiceSpecEdit.edit(service(row.before()), options(row.args()), 2, new Random(1));

        JsonNode after = edited.at("/spec/template/metadata/annotations");
        assertThat(after.isMissingNode() ? "none" : Json.write(after))
                .isEqualTo(row.after().equals("none") ? "none" : Json.write(annotations(row.after())));
        assertThat(edited.at("/metadata/annotations").isMissingNode()).isTrue();
    }

    @Test
    void autoscalingAnnotationsGoOnTheTemplateOnlyOthersOnBoth() {
        ObjectNode edited = ServiceSpecEdit.edit(service("{}"),
                options("-a " + A + "target-burst-capacity=0 -a team=a"), 2, new Random(1));

        assertThat(Json.write(edited.at("/metadata/annotations"))).isEqualTo("{\"team\":\"a\"}");
        assertThat(Json.write(edited.at("/spec/template/metadata/annotations")))
                .isEqualTo("{\"" + A + "target-burst-capacity\":\"0\",\"team\":\"a\"}");
    }

    /** One refused case: the template's annotations before, the flags, what the message must say. */
    record Refusal(String before, String args, String message) {

        @Override
        public String toString() {
            return args;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("{}", "--scale-min -1", "invalid --scale-min '-1': want a number of instances, 0 or more"),
                new Refusal("{}", "--scale-max x", "invalid --scale-max 'x': want a number of instances, 0 or more "
                        + "(0: no limit)"),
                new Refusal("{}", "--scale-init 1.5", "invalid --scale-init '1.5'"),
                new Refusal("{}", "--scale 1..2..3", "invalid --scale '1..2..3': want N, MIN..MAX, MIN.. or ..MAX, "
                        + "such as --scale 1..5"),
                new Refusal("{}", "--scale ..", "invalid --scale '..'"),
                new Refusal("{}", "--scale a..5", "invalid --scale 'a..5'"),
                new Refusal("{}", "--scale 5..2", "invalid --scale '5..2': the maximum 2 is below the minimum 5; "
                        + "want a maximum of at least 5, or 0 for no limit"),
                new Refusal("{}", "--scale 3 --scale-min 1", "--scale and --scale-min cannot be given together"),
                new Refusal("{}", "--scale 3 --scale-max 1", "--scale and --scale-max cannot be given together"),
                new Refusal("{}", "--scale-metric cpu", "invalid --scale-metric 'cpu': want concurrency or rps"),
                new Refusal("{}", "--scale-target 0", "invalid --scale-target '0': want a whole number, 1 or more"),
                new Refusal("{}", "--scale-utilization 150", "invalid --scale-utilization '150': want a percentage "
                        + "from 1 to 100"),
                new Refusal("{}", "--scale-window 2s", "invalid --scale-window '2s': want a duration from 6s to 1h"),
                new Refusal("{}", "--scale-window 2h", "invalid --scale-window '2h'"),
                new Refusal("{}", "--scale-window 6.5s", "invalid --scale-window '6.5s'"),
                new Refusal("{}", "--scale-window soon", "invalid --scale-window 'soon'"),
                new Refusal("{}", "--scale-init 2 -a " + A + "initial-scale=3", "--scale-init and --annotation "
                        + A + "initial-scale=3 both set " + A + "initial-scale: give only one of them"),
                new Refusal("{}", "--scale-min 2 -a " + A + "minScale-", "--scale-min and --annotation"),
                new Refusal("{'max-scale':'3'}", "--scale-min 5", "invalid --scale-min '5': the minimum 5 is above "
                        + "the maximum 3 the Service already has; lower it, or raise the maximum with --scale-max"),
                new Refusal("{'min-scale':'5'}", "--scale-max 3", "invalid --scale-max '3': the maximum 3 is below "
                        + "the minimum 5 the Service already has"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void badValuesAreRefusedNamingTheFlagAndTheValue(Refusal refusal) {
        ObjectNode current = service(refusal.before());

        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options(refusal.args()), 2, new Random(1)))
                .isInstanceOf(InvalidFlag.class).hasMessageContaining(refusal.message());
    }

    private static ObjectNode service(String annotations) {
        ObjectNode service = Json.parseObject("{\"metadata\":{\"name\":\"hello\"},\"spec\":{\"template\":"
                + "{\"spec\":{\"containers\":[{\"image\":\"app\"}]}}}}");
        ObjectNode before = annotations(annotations);
        if (!before.isEmpty()) {
            service.withObjectProperty("spec").withObjectProperty("template").putObject("metadata")
                    .set("annotations", before);
        }
        return service;
    }

    /** {@code {'min-scale':'1','team':'a'}} with the autoscaling group added to the known short keys. */
    private static ObjectNode annotations(String shorthand) {
        ObjectNode parsed = Json.parseObject(shorthand.replace('\'', '"'));
        ObjectNode full = Json.object();
        parsed.properties().forEach(e -> full.set(e.getKey().equals("team") ? "team" : A + e.getKey(),
                e.getValue()));
        return full;
    }
}
