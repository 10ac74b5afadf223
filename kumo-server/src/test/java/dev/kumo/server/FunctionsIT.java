package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Functions end to end against a real server, with the real python3, node and JDK of this machine: {@code kumo func
 * create} → the template's own test → {@code run} → {@code invoke} → {@code deploy --runtime process} →
 * {@code invoke} through the router, for each language and template; live reload; a redeploy after an edit; a
 * deployed function as a Trigger's subscriber whose reply re-enters the broker; list, describe, delete.
 */
class FunctionsIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static FunctionCli functions;
    private static TestApi api;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        functions = new FunctionCli(server, new InProcessCli(temp.resolve("home"), temp.resolve("data")));
        api = new TestApi(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> languagesAndTemplates() {
        return Stream.of("python", "node", "java").flatMap(language -> Stream.of("http", "cloudevents")
                .map(template -> Arguments.of(language, template)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("languagesAndTemplates")
    void createRunInvokeDeployInvokeThroughTheRouter(String language, String template) throws Exception {
        Path dir = temp.resolve("fn-" + language + "-" + template);
        String name = dir.getFileName().toString();
        InProcessCli.Result created = kumo("func", "create", "-l", language, "-t", template, dir.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("Created " + language + " function in " + dir);
        assertThat(Files.readString(dir.resolve("func.yaml"))).contains("specVersion: ", "name: " + name,
                "runtime: " + language, "template: " + template, "created: ");
        assertThat(templateTest(language, dir)).as("the template's own test passes").isZero();

        InProcessCli.Running run = functions.start("func", "run", "-p", dir.toString(), "--port", "0");
        try {
            await().atMost(SETTLE).until(() -> Files.exists(dir.resolve(".func/run.url")));
            InProcessCli.Result local = invoke(dir, template, "local");
            assertThat(local.exitCode()).as(local.err()).isZero();
            assertThat(local.err()).startsWith("Invoking " + (template.equals("http") ? "http" : "cloudevent")
                    + " function " + name + " at http://127.0.0.1:");
            assertAnswered(template, name, local.out());
            if (template.equals("cloudevents")) {
                assertAStructuredEventIsAnsweredInBinaryMode(dir, name);
            }
        } finally {
            assertThat(run.stop(Duration.ofSeconds(30)).exitCode()).isZero();
        }
        assertThat(dir.resolve(".func/run.url")).doesNotExist();

        InProcessCli.Result deployed = functions.deploy(dir);
        assertThat(deployed.exitCode()).as(deployed.err()).isZero();
        assertThat(deployed.err()).startsWith("Building function " + name + " (" + language + ", " + template
                + ") to run as a host process\nFunction built: " + temp.resolve("data/functions/default/" + name));
        assertThat(deployed.out()).isEqualTo("Function deployed in namespace \"default\" and exposed at URL:\n   "
                + functions.url(name) + "\n");
        JsonNode service = api.get(EventingIT.SERVICES + "/" + name);
        assertThat(service.at("/metadata/labels/function.knative.dev~1name").asText()).isEqualTo(name);
        assertThat(service.at("/metadata/labels/function.knative.dev~1runtime").asText()).isEqualTo(language);
        assertThat(service.at("/spec/template/metadata/annotations/kumo.dev~1runtime").asText()).isEqualTo("process");

        InProcessCli.Result remote = invoke(dir, template, "remote");
        assertThat(remote.exitCode()).as(remote.err()).isZero();
        assertThat(remote.err()).contains(" function " + name + " at " + functions.url(name) + "/");
        assertAnswered(template, name, remote.out());
        assertThat(kumo("func", "delete", "-p", dir.toString()).exitCode()).isZero();
    }

    @Test
    void runReloadsOnAnEditAndAFailedBuildKeepsTheOldOneRunningAndATakenPortIsRefused() throws Exception {
        Path dir = temp.resolve("reloaded");
        assertThat(kumo("func", "create", "-l", "java", dir.toString()).exitCode()).isZero();
        InProcessCli.Result taken = kumo("func", "run", "-p", dir.toString(), "--port",
                Integer.toString(server.ingressPort()));
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("port " + server.ingressPort() + " on 127.0.0.1 is taken");
        InProcessCli.Running run = functions.start("func", "run", "-p", dir.toString(), "--port", "0");
        try {
            await().atMost(SETTLE).until(() -> Files.exists(dir.resolve(".func/run.url")));
            assertThat(kumo("func", "invoke", "-p", dir.toString(), "--data", "").out()).isEqualTo("Hello, world!\n");

            edit(dir.resolve("src/Handler.java"), "Hello, world!", "Hello, reloaded!");
            await().atMost(SETTLE).untilAsserted(() -> assertThat(kumo("func", "invoke", "-p", dir.toString(),
                    "--data", "").out()).isEqualTo("Hello, reloaded!\n"));

            edit(dir.resolve("src/Handler.java"), "return HttpResponse", "return broken HttpResponse");
            await().atMost(SETTLE).untilAsserted(() -> assertThat(run.err())
                    .contains("Reload failed, the function runs as before: javac failed")
                    .contains("Handler.java:12: error:"));
            assertThat(kumo("func", "invoke", "-p", dir.toString(), "--data", "").out())
                    .isEqualTo("Hello, reloaded!\n");
        } finally {
            assertThat(run.stop(Duration.ofSeconds(30)).exitCode()).isZero();
        }
    }

    @Test
    void aRedeployAfterAnEditMakesANewRevisionAndAnUnchangedOneNone() throws Exception {
        Path dir = temp.resolve("edited");
        assertThat(kumo("func", "create", "-l", "python", dir.toString()).exitCode()).isZero();
        InProcessCli.Result first = functions.deploy(dir);
        assertThat(first.exitCode()).as(first.err()).isZero();

        InProcessCli.Result unchanged = functions.deploy(dir);
        assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
        assertThat(unchanged.err()).contains("Function unchanged since it was built: ");
        assertThat(unchanged.out()).startsWith("Function updated in namespace \"default\"");
        assertThat(api.get(EventingIT.SERVICES + "/edited").at("/status/latestReadyRevisionName").asText())
                .isEqualTo("edited-00001");

        edit(dir.resolve("func.py"), "Hello, world!", "Hello, again!");
        InProcessCli.Result second = functions.deploy(dir);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("Function built: ");
        JsonNode service = api.get(EventingIT.SERVICES + "/edited");
        assertThat(service.at("/status/latestReadyRevisionName").asText()).isEqualTo("edited-00002");
        assertThat(kumo("func", "invoke", "-p", dir.toString(), "--data", "").out()).isEqualTo("Hello, again!\n");
        try (Stream<Path> builds = Files.list(temp.resolve("data/functions/default/edited"))) {
            assertThat(builds.filter(p -> !p.getFileName().toString().startsWith("."))).hasSize(2);
        }
    }

    @Test
    void aDeployedCloudEventsFunctionAnswersATriggerAndItsReplyReentersTheBroker() throws Exception {
        Path dir = temp.resolve("replier");
        assertThat(kumo("func", "create", "-l", "python", "-t", "cloudevents", dir.toString()).exitCode()).isZero();
        assertThat(functions.deploy(dir).exitCode()).isZero();
        try (EventRecorder recorder = EventRecorder.start()) {
            api.create(EventingIT.EVENTING + "brokers", EventingIT.broker("fb"));
            api.create(EventingIT.EVENTING + "triggers", EventingIT.trigger("to-function", "fb",
                    "{\"ref\":{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"replier\"}}",
                    "{\"type\":\"dev.example.ping\"}"));
            api.create(EventingIT.EVENTING + "triggers", EventingIT.trigger("replies", "fb",
                    "{\"uri\":\"" + recorder.uri() + "replies\"}", "{\"type\":\"dev.kumo.func.response\"}"));
            String address = api.awaitCondition(EventingIT.EVENTING + "brokers/fb", "Ready", "True")
                    .at("/status/address/url").asText();
            api.awaitCondition(EventingIT.EVENTING + "triggers/to-function", "Ready", "True");
            api.awaitCondition(EventingIT.EVENTING + "triggers/replies", "Ready", "True");

            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(address))
                    .header("ce-specversion", "1.0").header("ce-id", "ping-1").header("ce-type", "dev.example.ping")
                    .header("ce-source", "/functions-it").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);

            await().atMost(SETTLE).untilAsserted(() -> assertThat(recorder.received()).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo("dev.kumo.func.response");
                assertThat(event.source()).isEqualTo("/kumo/func/replier");
                assertThat(event.body()).isEqualTo("{\"n\": 1}");
            }));
        }
    }

    @Test
    void listDescribeDeleteAndAnUnknownRuntimeNamesTheRuntimes() throws Exception {
        Path dir = temp.resolve("listed");
        assertThat(kumo("func", "create", "-l", "node", dir.toString()).exitCode()).isZero();

        InProcessCli.Result unknown = kumo("func", "deploy", "-p", dir.toString(), "--runtime", "vm");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown --runtime 'vm': want container (an image, the default) or "
                + "process");

        assertThat(functions.deploy(dir).exitCode()).isZero();
        InProcessCli.Result listed = kumo("func", "list");
        assertThat(listed.out()).containsPattern("(?m)^NAME +NAMESPACE +RUNTIME +URL +READY$")
                .containsPattern("(?m)^listed +default +node +" + functions.url("listed").replace(".", "\\.")
                        + " +True$");
        InProcessCli.Result described = kumo("func", "describe", "listed");
        assertThat(described.out()).startsWith("Function name:\n  listed\nFunction runtime:\n  node\n"
                + "Function runs as a host process from:\n  " + temp.resolve("data/functions/default/listed"))
                .contains("Routes:\n  " + functions.url("listed") + "\n");

        InProcessCli.Result deleted = kumo("func", "delete", "listed");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEqualTo("Function 'listed' deleted in namespace 'default'.\n");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(kumo("func", "list").out()).doesNotContain("listed"));
    }


    private static InProcessCli.Result invoke(Path dir, String template, String target) {
        return template.equals("http")
                ? kumo("func", "invoke", "-p", dir.toString(), "--target", target, "--data", "ping",
                        "--content-type", "text/plain")
                : kumo("func", "invoke", "-p", dir.toString(), "--target", target, "--data", "{\"n\":1}",
                        "--type", "dev.example.ping", "--id", "e-1");
    }

    /** A structured-mode event (data_base64 too) in; the reply out in binary mode: ce-* headers, the data as body. */
    private static void assertAStructuredEventIsAnsweredInBinaryMode(Path dir, String name) throws Exception {
        URI local = URI.create(Files.readString(dir.resolve(".func/run.url")).strip());
        for (String event : List.of("{\"specversion\":\"1.0\",\"id\":\"s-1\",\"source\":\"/it\","
                + "\"type\":\"dev.example.ping\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"n\":[1,{\"m\":\"x\\\"y\"}]}}",
                "{\"specversion\":\"1.0\",\"id\":\"s-2\",\"source\":\"/it\",\"type\":\"dev.example.ping\","
                + "\"datacontenttype\":\"application/json\",\"data_base64\":\"eyJuIjpbMSx7Im0iOiJ4XCJ5In1dfQ==\"}")) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(local)
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(reply.headers().firstValue("ce-type")).hasValue("dev.kumo.func.response");
            assertThat(reply.headers().firstValue("ce-source")).hasValue("/kumo/func/" + name);
            assertThat(reply.headers().firstValue("ce-specversion")).hasValue("1.0");
            assertThat(reply.headers().firstValue("ce-id")).isPresent();
            assertThat(reply.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(reply.body().replace(" ", "")).isEqualTo("{\"n\":[1,{\"m\":\"x\\\"y\"}]}");
        }
    }

    /** The template's answer: the http echo, or the cloudevents reply event (binary mode) carrying the data. */
    private static void assertAnswered(String template, String name, String out) {
        if (template.equals("http")) {
            assertThat(out).isEqualTo("ping\n");
        } else {
            assertThat(out).startsWith("200 OK\nReply event:\n  specversion: 1.0\n  id: ")
                    .contains("  source: /kumo/func/" + name + "\n  type: dev.kumo.func.response\n")
                    .contains("  datacontenttype: application/json\n").containsPattern("Data:\n\\{\"n\": ?1\\}");
        }
    }

    /** Runs the template's test as its README says, with this machine's python3, node or JDK. */
    private static int templateTest(String language, Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(switch (language) {
            case "python" -> List.of("python3", "-m", "unittest");
            case "node" -> List.of("node", "--test");
            default -> List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "HandlerTest.java");
        });
        Process process = new ProcessBuilder(command).directory((language.equals("java") ? dir.resolve("src") : dir)
                .toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static InProcessCli.Result kumo(String... args) {
        return functions.kumo(args);
    }
}
