package dev.kumo.cli.func;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionServiceTest {

    private static final FuncYaml YAML = new FuncYaml("0.36.0", "hello", "python", "http", "", "", "", "", "", "http",
            null, new FuncYaml.Run(List.of(new FuncYaml.Env("GREETING", "hi"))),
            new FuncYaml.Deploy("", "", Map.of("owner", "me"), List.of(new FuncYaml.Label("app", "hello"))));
    private static final FunctionBuild.Built BUILT = new FunctionBuild.Built(
            Path.of("/data/functions/default/hello/ab"), List.of("python3", "-u", "kumo_invoker.py", "http", "hello"));

    @Test
    void theServiceIsLabelledAsKnativeFuncLabelsItAndRunsTheBuildAsAProcess() {
        ObjectNode service = FunctionService.service("default", YAML, BUILT);

        assertThat(service.at("/metadata/name").asText()).isEqualTo("hello");
        assertThat(service.at("/metadata/labels")).isEqualTo(Json.parseObject("""
                {"boson.dev/function":"true","boson.dev/runtime":"python","function.knative.dev":"true",
                 "function.knative.dev/name":"hello","function.knative.dev/runtime":"python","app":"hello"}"""));
        assertThat(service.at("/metadata/annotations/owner").asText()).isEqualTo("me");
        JsonNode template = service.at("/spec/template");
        assertThat(template.at("/metadata/labels")).isEqualTo(service.at("/metadata/labels"));
        assertThat(template.at("/metadata/annotations")).isEqualTo(Json.parseObject(
                "{\"owner\":\"me\",\"kumo.dev/runtime\":\"process\"}"));
        assertThat(template.at("/spec/containers/0")).isEqualTo(Json.parseObject("""
                {"name":"user-container","command":["python3"],"args":["-u","kumo_invoker.py","http","hello"],
                 "workingDir":"/data/functions/default/hello/ab","env":[{"name":"GREETING","value":"hi"}]}"""));
    }

    @Test
    void anImageServiceRunsTheImageByDigestOnTheContainerRuntimeGivingTheInvokerTheTemplateAndName() {
        ObjectNode service = FunctionService.imageService("default", YAML, "dev.local/default/hello@sha256:ab");

        assertThat(service.at("/metadata/labels/function.knative.dev~1name").asText()).isEqualTo("hello");
        assertThat(service.at("/spec/template/metadata/annotations")).isEqualTo(Json.parseObject(
                "{\"owner\":\"me\",\"kumo.dev/runtime\":\"container\"}"));
        assertThat(service.at("/spec/template/spec/containers/0")).isEqualTo(Json.parseObject("""
                {"name":"user-container","image":"dev.local/default/hello@sha256:ab","args":["http","hello"],
                 "env":[{"name":"GREETING","value":"hi"},{"name":"KUMO_LISTEN_HOST","value":"0.0.0.0"}]}"""));
        FuncYaml java = FuncYaml.fresh("greeter", Language.JAVA, Template.CLOUDEVENTS, "t");
        assertThat(FunctionService.imageService("team", java, "dev.local/team/greeter@sha256:cd")
                .at("/spec/template/spec/containers/0/args")).extracting(JsonNode::asText)
                .containsExactly("Handler", "cloudevents", "greeter");
    }

    @Test
    void replacingKeepsTheServersMetadataAndOtherLabelsAndTakesTheFunctionsSpec() {
        ObjectNode current = Json.parseObject("""
                {"apiVersion":"serving.knative.dev/v1","kind":"Service",
                 "metadata":{"name":"hello","namespace":"default","resourceVersion":"7","labels":{"team":"a"}},
                 "spec":{"template":{"spec":{"containers":[{"command":["old"]}]}}},"status":{"url":"http://x"}}""");

        ObjectNode replaced = FunctionService.replaced(current, FunctionService.service("default", YAML, BUILT));

        assertThat(replaced.at("/metadata/resourceVersion").asText()).isEqualTo("7");
        assertThat(replaced.at("/metadata/labels/team").asText()).isEqualTo("a");
        assertThat(replaced.at("/metadata/labels/function.knative.dev~1name").asText()).isEqualTo("hello");
        assertThat(replaced.at("/spec/template/spec/containers/0/command/0").asText()).isEqualTo("python3");
        assertThat(replaced.has("status")).isFalse();
    }
}
