package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which kind of workload a Revision's serving container becomes, with the parts both kinds share carried over. */
class WorkloadSpecsTest {

    private final WorkloadSpecs specs = new WorkloadSpecs(new EnvResolver((type, namespace, name) -> Optional.empty()));

    record Row(String name, RuntimeName runtime, Map<String, Object> container, String want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a command runs as a process", RuntimeName.PROCESS, Map.of("command", List.of("python3", "-u"),
                        "args", List.of("app.py"), "workingDir", "/srv"), "process [python3, -u, app.py] in /srv"),
                new Row("a command with an image runs as a process: the image is not needed",
                        RuntimeName.PROCESS, Map.of("image", "python:3", "command", List.of("python3"), "args", List.of("app.py")),
                        "process [python3, app.py]"),
                new Row("an image without a command is an image workload", RuntimeName.CONTAINER, Map.of("image",
                        "ghcr.io/knative/helloworld-go"), "image ghcr.io/knative/helloworld-go [] []"),
                new Row("args without a command override the image's cmd", RuntimeName.CONTAINER,
                        Map.of("image", "example.com/app",
                        "args", List.of("--verbose"), "workingDir", "/work"),
                        "image example.com/app [] [--verbose] in /work"),
                new Row("neither command nor image is a process with nothing to run", RuntimeName.PROCESS, Map.of(),
                        "process []"),
                new Row("in the container runtime a command overrides the image's entrypoint", RuntimeName.CONTAINER,
                        Map.of("image", "python:3", "command", List.of("python3"), "args", List.of("app.py")),
                        "image python:3 [python3] [app.py]"),
                new Row("an image alone stays an image workload where the process runtime was forced (it refuses it)",
                        RuntimeName.PROCESS, Map.of("image", "ghcr.io/knative/helloworld-go"),
                        "image ghcr.io/knative/helloworld-go [] []"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theContainerAndTheChosenRuntimeDecideTheKindOfWorkload(Row row) {
        WorkloadSpec spec = specs.of(revision(row.container()), row.runtime());

        assertThat(describe(spec)).isEqualTo(row.want());
        assertThat(spec.revision()).isEqualTo(RevisionRef.ofService("default", "hello", "hello-00001"));
        assertThat(spec.containerPort()).isEqualTo(8080);
        assertThat(spec.env()).containsEntry("GREETING", "hi");
        assertThat(spec.readiness().probe()).isEqualTo(new Probe.HttpGet("/ready", 0));
    }

    private static String describe(WorkloadSpec spec) {
        return switch (spec) {
            case ProcessWorkload process -> "process " + process.commandLine() + in(process.workingDir());
            case ImageWorkload image -> "image " + image.image() + " " + image.command() + " " + image.args()
                    + in(image.workingDir());
        };
    }

    private static String in(Optional<Path> dir) {
        return dir.map(d -> " in " + d).orElse("");
    }

    private static Revision revision(Map<String, Object> container) {
        Map<String, Object> serving = new LinkedHashMap<>(container);
        serving.put("ports", List.of(Map.of("containerPort", 8080)));
        serving.put("env", List.of(Map.of("name", "GREETING", "value", "hi")));
        serving.put("readinessProbe", Map.of("httpGet", Map.of("path", "/ready")));
        ObjectNode tree = Json.mapper().valueToTree(Map.of("apiVersion", "serving.knative.dev/v1", "kind", "Revision",
                "metadata", Map.of("name", "hello-00001", "namespace", "default", "labels", Map.of(
                        "serving.knative.dev/service", "hello", "serving.knative.dev/configuration", "hello")),
                "spec", Map.of("containers", List.of(serving))));
        return TypedCodec.decode(tree, Revision.class).value();
    }
}
