package dev.kumo.serving;

import static dev.kumo.api.serving.RuntimeName.CONTAINER;
import static dev.kumo.api.serving.RuntimeName.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.serving.RuntimeChoice.Choice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented rule, one row per case: annotation, command, image and the server's runtimes decide. */
class RuntimeChoiceTest {

    private static final String IMAGE = "ghcr.io/knative/helloworld-go:latest";
    private static final List<String> COMMAND = List.of("python3", "app.py");
    private static final RuntimeSettings PROCESS_ALONE = new RuntimeSettings(Set.of(PROCESS), PROCESS);
    private static final RuntimeSettings BOTH = new RuntimeSettings(Set.of(PROCESS, CONTAINER), PROCESS);
    private static final RuntimeSettings BOTH_CONTAINER_FIRST = new RuntimeSettings(Set.of(PROCESS, CONTAINER),
            CONTAINER);
    private static final RuntimeSettings CONTAINER_ALONE = new RuntimeSettings(Set.of(CONTAINER), CONTAINER);

    /** One case: what the Revision declares, what the server has on, and what the rule answers. */
    record Row(String name, Map<String, String> annotations, List<String> command, String image,
            RuntimeSettings settings, Choice wanted) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a command and no image runs as a process", Map.of(), COMMAND, null, PROCESS_ALONE,
                        run(PROCESS)),
                new Row("a command and no image runs as a process with both on", Map.of(), COMMAND, null,
                        BOTH_CONTAINER_FIRST, run(PROCESS)),
                new Row("an image and no command runs in the container runtime", Map.of(), null, IMAGE, BOTH,
                        run(CONTAINER)),
                new Row("an image and no command, container runtime off: the config key that turns it on", Map.of(),
                        null, IMAGE, PROCESS_ALONE, new Choice.NotOn("container has image " + IMAGE + " and no "
                                + "command: it runs in the container runtime, which is not on in this server (runtimes "
                                + "on: process); add container to the server's runtimes config key (runtimes: "
                                + "[process, container]), or give the container a command to run as a process")),
                new Row("an image and no command, by default: the container runtime", Map.of(), null, IMAGE,
                        RuntimeSettings.DEFAULTS, run(CONTAINER)),
                new Row("a command and an image, container runtime off: the image is not usable", Map.of(), COMMAND,
                        IMAGE, PROCESS_ALONE, run(PROCESS)),
                new Row("a command and an image, both on: the default", Map.of(), COMMAND, IMAGE, BOTH,
                        run(PROCESS)),
                new Row("a command and an image, both on, container by default", Map.of(), COMMAND, IMAGE,
                        BOTH_CONTAINER_FIRST, run(CONTAINER)),
                new Row("the annotation forces the process runtime for a command and an image",
                        forced("process"), COMMAND, IMAGE, BOTH_CONTAINER_FIRST, run(PROCESS)),
                new Row("the annotation forces the container runtime for a command and an image",
                        forced("container"), COMMAND, IMAGE, BOTH, run(CONTAINER)),
                new Row("the annotation forces the process runtime for an image alone (which then refuses it)",
                        forced("process"), null, IMAGE, PROCESS_ALONE, run(PROCESS)),
                new Row("the annotation asks for a runtime that is not on", forced("container"), COMMAND, IMAGE,
                        PROCESS_ALONE, new Choice.NotOn("kumo.dev/runtime: container asks for the container "
                                + "runtime, which is not on in this server (runtimes on: process); remove the "
                                + "annotation or turn that runtime on")),
                new Row("an unknown runtime stored before admission checked it", forced("podman"), COMMAND, null,
                        PROCESS_ALONE, new Choice.NotOn("kumo.dev/runtime: unknown runtime \"podman\"; want one "
                                + "of process, container")),
                new Row("no image and the process runtime off", Map.of(), COMMAND, null, CONTAINER_ALONE,
                        new Choice.NotOn("container has no image: only the process runtime runs its command, and "
                                + "it is not on in this server (runtimes on: container)")),
                new Row("neither command nor image goes to the process runtime, which says what is missing",
                        Map.of(), null, null, BOTH_CONTAINER_FIRST, run(PROCESS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void choosesByTheDocumentedRule(Row row) {
        assertThat(new RuntimeChoice(row.settings()).of(revision(row))).isEqualTo(row.wanted());
    }

    private static Choice run(RuntimeName runtime) {
        return new Choice.Run(runtime);
    }

    private static Map<String, String> forced(String runtime) {
        return Map.of(RuntimeName.ANNOTATION, runtime);
    }

    /** A Revision whose serving container (the one with a port) is the row's, beside a sidecar. */
    private static Revision revision(Row row) {
        Map<String, Object> serving = new HashMap<>();
        serving.put("ports", List.of(Map.of("containerPort", 8080)));
        if (row.command() != null) {
            serving.put("command", row.command());
        }
        if (row.image() != null) {
            serving.put("image", row.image());
        }
        Map<String, Object> sidecar = Map.of("name", "sidecar", "image", "ghcr.io/example/sidecar:1");
        ObjectNode tree = Json.mapper().valueToTree(Map.of("apiVersion", "serving.knative.dev/v1", "kind", "Revision",
                "metadata", Map.of("name", "hello-00001", "namespace", "default", "annotations", row.annotations()),
                "spec", Map.of("containers", List.of(sidecar, serving))));
        return TypedCodec.decode(tree, Revision.class).value();
    }
}
