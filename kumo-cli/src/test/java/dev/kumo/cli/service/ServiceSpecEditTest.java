package dev.kumo.cli.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Flags → Service JSON: each row edits a starting Service and names the fields the result must have. */
class ServiceSpecEditTest {

    private static final String CONTAINER = "/spec/template/spec/containers/0";

    /** One case: the Service before (JSON of its spec.template.spec.containers[0]), the flags, the result. */
    record Row(String name, String container, String args, String pointer, String expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("command and args", "{}", "--cmd python3 --arg app.py --arg -v", CONTAINER,
                        "{\"command\":[\"python3\"],\"args\":[\"app.py\",\"-v\"]}"),
                new Row("image and working dir", "{}", "--image ghcr.io/x/y --working-dir samples/hello",
                        CONTAINER, "{\"image\":\"ghcr.io/x/y\",\"workingDir\":\"samples/hello\"}"),
                new Row("a process's relative working dir from where kumo runs", "{}",
                        "--cmd python3 --working-dir samples/../samples/hello", CONTAINER + "/workingDir",
                        "\"" + Path.of("samples/hello").toAbsolutePath() + "\""),
                new Row("http readiness probe with options", "{}", "--probe-readiness http::8080:/healthz "
                        + "--probe-readiness-opts InitialDelaySeconds=2,periodseconds=5", CONTAINER + "/readinessProbe",
                        "{\"httpGet\":{\"port\":8080,\"path\":\"/healthz\"},\"initialDelaySeconds\":2,"
                        + "\"periodSeconds\":5}"),
                new Row("https probe on a named port and host", "{}", "--probe-liveness https:example:h2c:",
                        CONTAINER + "/livenessProbe", "{\"httpGet\":{\"host\":\"example\",\"port\":\"h2c\","
                                + "\"path\":\"/\",\"scheme\":\"HTTPS\"}}"),
                new Row("tcp and exec probes", "{}", "--probe-liveness tcp::9000 --probe-readiness exec:cat,/tmp/ok",
                        CONTAINER, "{\"readinessProbe\":{\"exec\":{\"command\":[\"cat\",\"/tmp/ok\"]}},"
                                + "\"livenessProbe\":{\"tcpSocket\":{\"port\":9000}}}"),
                new Row("options on the probe there is", "{\"livenessProbe\":{\"tcpSocket\":{\"port\":9}}}",
                        "--probe-liveness-opts FailureThreshold=7", CONTAINER + "/livenessProbe",
                        "{\"tcpSocket\":{\"port\":9},\"failureThreshold\":7}"),
                new Row("a probe removed", "{\"livenessProbe\":{\"tcpSocket\":{\"port\":9}}}",
                        "--probe-liveness -", CONTAINER, "{}"),
                new Row("annotations on the Service or the revision only", "{}",
                        "--annotation-service team=a --annotation-revision sidecar=no", "/metadata/annotations",
                        "{\"team\":\"a\"}"),
                new Row("annotations on the revision only", "{}", "--annotation-revision sidecar=no",
                        "/spec/template/metadata/annotations", "{\"sidecar\":\"no\"}"),
                new Row("env added in order", "{}", "-e A=1 -e B=x=y", CONTAINER + "/env",
                        "[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"x=y\"}]"),
                new Row("env replaced in place", "{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\","
                        + "\"value\":\"2\"}]}", "-e A=3", CONTAINER + "/env",
                        "[{\"name\":\"A\",\"value\":\"3\"},{\"name\":\"B\",\"value\":\"2\"}]"),
                new Row("env removed", "{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\","
                        + "\"value\":\"2\"}]}", "-e A- -e C-", CONTAINER + "/env",
                        "[{\"name\":\"B\",\"value\":\"2\"}]"),
                new Row("last env removed drops the list", "{\"env\":[{\"name\":\"A\",\"value\":\"1\"}]}", "-e A-",
                        CONTAINER, "{}"),
                new Row("env from a config map and a secret", "{}", "--env-from cm:settings --env-from secret:keys",
                        CONTAINER + "/envFrom",
                        "[{\"configMapRef\":{\"name\":\"settings\"}},{\"secretRef\":{\"name\":\"keys\"}}]"),
                new Row("env from removed", "{\"envFrom\":[{\"configMapRef\":{\"name\":\"settings\"}}]}",
                        "--env-from cm:settings-", CONTAINER, "{}"),
                new Row("h2c port", "{}", "-p h2c:9000", CONTAINER + "/ports",
                        "[{\"name\":\"h2c\",\"containerPort\":9000}]"),
                new Row("concurrency and timeout", "{}", "--concurrency-limit 4 --timeout 30",
                        "/spec/template/spec", "{\"containers\":[{}],\"containerConcurrency\":4,"
                                + "\"timeoutSeconds\":30}"),
                new Row("annotations on the Service", "{}", "-a team=a -a x=1 -a x-", "/metadata/annotations",
                        "{\"team\":\"a\"}"),
                new Row("labels on the template too", "{}", "-l app=web", "/spec/template/metadata",
                        "{\"labels\":{\"app\":\"web\"}}"),
                new Row("revision name gets the prefix", "{}", "--revision-name v2", "/spec/template/metadata",
                        "{\"name\":\"hello-v2\"}"),
                new Row("revision name template", "{}", "--revision-name {{.Service}}-g{{.Generation}}",
                        "/spec/template/metadata", "{\"name\":\"hello-g4\"}"),
                new Row("traffic split with the rest to @latest", "{}", "--traffic hello-00001=30", "/spec/traffic",
                        "[{\"latestRevision\":true,\"percent\":70},{\"revisionName\":\"hello-00001\","
                                + "\"latestRevision\":false,\"percent\":30}]"),
                new Row("tag on @latest", "{}", "--tag @latest=current", "/spec/traffic",
                        "[{\"tag\":\"current\",\"latestRevision\":true,\"percent\":100}]"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void flagsBecomeFields(Row row) throws Exception {
        ObjectNode current = Json.parseObject("{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\","
                + "\"metadata\":{\"name\":\"hello\",\"namespace\":\"default\",\"generation\":3},"
                + "\"spec\":{\"template\":{\"spec\":{\"containers\":[" + row.container() + "]}}}}");

        ObjectNode edited = ServiceSpecEdit.edit(current, options(row.args()), 4, new Random(1));

        String expected = Json.write(Json.mapper().readTree(row.expected()));
        assertThat(Json.write(edited.at(row.pointer()))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theCurrentServiceIsNotChanged(Row row) {
        ObjectNode current = Json.parseObject("{\"metadata\":{\"name\":\"hello\"},\"spec\":{\"template\":"
                + "{\"spec\":{\"containers\":[" + row.container() + "]}}}}");
        ObjectNode before = current.deepCopy();

        ServiceSpecEdit.edit(current, options(row.args()), 4, new Random(1));

        assertThat(current).isEqualTo(before);
    }

    @Test
    void aFreshServiceHasOnlyWhatTheFlagsSay() {
        ObjectNode fresh = ServiceSpecEdit.fresh("team-a", "hello", options("--cmd python3 -e TARGET=x"),
                new Random(1));

        assertThat(fresh).isEqualTo(Json.parseObject("{\"apiVersion\":\"serving.knative.dev/v1\","
                + "\"kind\":\"Service\",\"metadata\":{\"name\":\"hello\",\"namespace\":\"team-a\"},"
                + "\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"python3\"],"
                + "\"env\":[{\"name\":\"TARGET\",\"value\":\"x\"}]}]}}}}"));
    }

    @Test
    void aTemplateChangeDropsTheOldRevisionNameUnlessANewOneIsGiven() {
        ObjectNode current = Json.parseObject("{\"metadata\":{\"name\":\"hello\"},\"spec\":{\"template\":"
                + "{\"metadata\":{\"name\":\"hello-v1\"},\"spec\":{\"containers\":[{}]}}}}");

        assertThat(ServiceSpecEdit.edit(current, options("-e A=1"), 2, new Random(1))
                .at("/spec/template/metadata").isMissingNode()).isTrue();
        assertThat(ServiceSpecEdit.edit(current, options("--traffic @latest=100"), 2, new Random(1))
                .at("/spec/template/metadata/name").asText()).isEqualTo("hello-v1");
        assertThat(ServiceSpecEdit.edit(current, options("-e A=1 --revision-name v2"), 2, new Random(1))
                .at("/spec/template/metadata/name").asText()).isEqualTo("hello-v2");
    }

    @Test
    void clusterLocalLabelsTheServiceOnlyAndNoClusterLocalRemovesIt() {
        ObjectNode current = Json.parseObject("{\"metadata\":{\"name\":\"hello\",\"labels\":{\"team\":\"a\"}},"
                + "\"spec\":{\"template\":{\"spec\":{\"containers\":[{}]}}}}");

        ObjectNode local = ServiceSpecEdit.edit(current, options("--cluster-local"), 2, new Random(1));
        ObjectNode publicAgain = ServiceSpecEdit.edit(local, options("--no-cluster-local"), 3, new Random(1));

        assertThat(Json.write(local.at("/metadata/labels"))).isEqualTo("{\"team\":\"a\","
                + "\"networking.knative.dev/visibility\":\"cluster-local\"}");
        assertThat(local.at("/spec/template/metadata").isMissingNode()).isTrue();
        assertThat(Json.write(publicAgain.at("/metadata/labels"))).isEqualTo("{\"team\":\"a\"}");
        assertThat(ServiceSpecEdit.edit(current, options("-e A=1"), 2, new Random(1)).at("/metadata/labels"))
                .isEqualTo(current.at("/metadata/labels"));
    }

    @Test
    void badValuesAreRefusedNamingTheFlag() {
        ObjectNode current = Json.parseObject("{\"metadata\":{\"name\":\"hello\"}}");

        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("-e NOVALUE"), 1, new Random(1)))
                .isInstanceOf(InvalidFlag.class).hasMessageContaining("--env 'NOVALUE'");
        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("-p 70000"), 1, new Random(1)))
                .isInstanceOf(InvalidFlag.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("--env-from map:x"), 1, new Random(1)))
                .isInstanceOf(InvalidFlag.class).hasMessageContaining("cm:NAME or secret:NAME");
    }

    @Test
    void anEnvFileSetsItsVariablesBeforeTheEnvFlags(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("app.env"), "# settings\nA=1\n\nB=two=2\nC=3\n");
        ObjectNode current = Json.parseObject("{\"metadata\":{\"name\":\"hello\"}}");

        ObjectNode edited = ServiceSpecEdit.edit(current, options("--env-file " + file + " -e C=4"), 1,
                new Random(1));

        assertThat(Json.write(edited.at(CONTAINER + "/env"))).isEqualTo("[{\"name\":\"A\",\"value\":\"1\"},"
                + "{\"name\":\"B\",\"value\":\"two=2\"},{\"name\":\"C\",\"value\":\"4\"}]");
        java.nio.file.Files.writeString(file, "A=1\nnot a variable\n");
        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("--env-file " + file), 1, new Random(1)))
                .isInstanceOf(InvalidFlag.class).hasMessageContaining("line 2: want NAME=value");
        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("--env-file " + dir.resolve("none")), 1,
                new Random(1))).isInstanceOf(InvalidFlag.class).hasMessageContaining("cannot read it");
    }

    @Test
    void badProbesAreRefusedNamingTheFlagAndTheForm() {
        ObjectNode current = Json.parseObject("{\"metadata\":{\"name\":\"hello\"}}");

        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("--probe-readiness grpc:8080"), 1,
                new Random(1))).isInstanceOf(InvalidFlag.class).hasMessageContaining("--probe-readiness 'grpc:8080'")
                .hasMessageContaining("http, https, tcp or exec");
        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("--probe-readiness http:8080"), 1,
                new Random(1))).isInstanceOf(InvalidFlag.class).hasMessageContaining("http:HOST:PORT:PATH");
        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("--probe-liveness-opts Delay=1"), 1,
                new Random(1))).isInstanceOf(InvalidFlag.class).hasMessageContaining("needs a probe");
        assertThatThrownBy(() -> ServiceSpecEdit.edit(current, options("--probe-liveness tcp::1 "
                + "--probe-liveness-opts PeriodSeconds=x"), 1, new Random(1))).isInstanceOf(InvalidFlag.class)
                .hasMessageContaining("x is not a whole number");
    }

    static ServiceOptions options(String args) {
        ServiceOptions options = new ServiceOptions();
        new CommandLine(options).parseArgs(args.split(" "));
        return options;
    }
}
