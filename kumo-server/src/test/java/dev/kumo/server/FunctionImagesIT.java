package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.runtime.podman.TestPodman;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Functions as images against a real server with real podman: {@code kumo func create} → {@code build} (func.yaml
 * records the image and its digest) → {@code deploy} → an answer through the router from the container; an unchanged
 * redeploy keeps the Revision, an edit makes a new one. Java through the {@code java} strategy, Python and Node
 * through {@code func} on a base from the host's interpreter.
 */
class FunctionImagesIT {

    private static final String LANGUAGES_IMAGES = "fn-image-";
    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services/";

    // Images go after the server stopped (extensions' afterAll run in reverse order), not under a running instance.
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback REMOVE_IMAGES = context -> {
        for (String language : new String[] {"java", "python", "node", "broken", "source"}) {
            try {
                TestPodman.run(Optional.empty(), "rmi", "-f", "dev.local/default/" + LANGUAGES_IMAGES + language
                        + ":latest");
            } catch (IllegalStateException e) {
                // not built: nothing to remove
            }
        }
    };
    @RegisterExtension
    @Order(2)
    static final ContainerServer KUMO = new ContainerServer().withDefaultScaleDown();
    @TempDir
    Path home;
    @TempDir
    Path functions;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java", "python", "node"})
    void buildDeployAnswerThroughTheRouterKeepTheRevisionWhenUnchangedAndMakeOneOnAnEdit(String language)
            throws IOException {
        String name = LANGUAGES_IMAGES + language;
        Path dir = functions.resolve(name);
        assertThat(kumo("func", "create", "-l", language, dir.toString()).exitCode()).isZero();

        InProcessCli.Result built = kumo("func", "build", "-p", dir.toString());
        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.err()).contains("Building function " + name + " (" + language + ", http) into an image",
                "Building… (" + (language.equals("java") ? "java" : "func") + ", buildrun " + name + "-",
                "Pushing to local storage… dev.local/default/" + name + "@sha256:");
        assertThat(built.out()).startsWith("Function " + name + " built: dev.local/default/" + name + "@sha256:");
        String yaml = Files.readString(dir.resolve("func.yaml"));
        assertThat(yaml).contains("image: dev.local/default/" + name + ":latest").containsPattern(
                "imageDigest: .?sha256:[0-9a-f]{64}");
        String digest = yaml.replaceAll("(?s).*imageDigest: .?(sha256:[0-9a-f]{64}).*", "$1");

        InProcessCli.Result deployed = deploy(dir);
        assertThat(deployed.exitCode()).as(deployed.err()).isZero();
        assertThat(deployed.out()).startsWith("Function deployed in namespace \"default\" and exposed at URL:");
        JsonNode service = KUMO.api().get(SERVICES + name);
        assertThat(service.at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("dev.local/default/" + name + "@" + digest);
        assertThat(service.at("/spec/template/metadata/annotations/kumo.dev~1runtime").asText())
                .isEqualTo("container");
        assertThat(answer(name)).isEqualTo("Hello, world!\n");
        assertThat(kumo("func", "describe", name).out()).contains("Function runtime:\n  " + language + "\n"
                + "Function is built in image:\n  dev.local/default/" + name + "@" + digest + "\n");

        InProcessCli.Result again = deploy(dir);
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode unchanged = KUMO.api().get(SERVICES + name);
        assertThat(unchanged.at("/metadata/generation").asLong()).as("an unchanged deploy").isEqualTo(1);
        assertThat(unchanged.at("/status/latestReadyRevisionName").asText()).isEqualTo(name + "-00001");

        Path handler = dir.resolve(switch (language) {
            case "java" -> "src/Handler.java";
            case "python" -> "func.py";
            default -> "index.js";
        });
        Files.writeString(handler, Files.readString(handler).replace("Hello, world!", "Hello, image!"));
        InProcessCli.Result edited = deploy(dir);
        assertThat(edited.exitCode()).as(edited.err()).isZero();
        assertThat(edited.out()).startsWith("Function updated in namespace \"default\"");
        assertThat(KUMO.api().get(SERVICES + name).at("/status/latestReadyRevisionName").asText())
                .isEqualTo(name + "-00002");
        assertThat(answer(name)).isEqualTo("Hello, image!\n");
        assertThat(kumo("func", "delete", "-p", dir.toString()).exitCode()).isZero();
    }

    @Test
    void aJavaFunctionThatDoesNotCompileFailsNamingItsDirectoryTheFileAndLineAndDeploysNothing() throws IOException {
        String name = "fn-image-broken";
        Path dir = functions.resolve(name);
        assertThat(kumo("func", "create", "-l", "java", dir.toString()).exitCode()).isZero();
        Path handler = dir.resolve("src/Handler.java");
        Files.writeString(handler, Files.readString(handler).replace("Hello, world!\\n\"", "Hello\" + 1 +"));

        InProcessCli.Result failed = deploy(dir);

        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.err()).contains("Build failed (CompileFailed):", "src/Handler.java:",
                "building function " + name + " in " + dir + " (its sources staged in ",
                "its Service was left as it was", "kumo buildrun logs " + name + "-");
        assertThat(KUMO.api().send("GET", SERVICES + name, null, null).statusCode()).isEqualTo(404);
        assertThat(Files.readString(dir.resolve("func.yaml"))).doesNotContain("imageDigest");
    }

    @Test
    void serviceCreateFromAFunctionProjectBuildsItAsFuncBuildDoesAndRunsIt() {
        String function = "fn-image-source";
        Path dir = functions.resolve(function);
        assertThat(kumo("func", "create", "-l", "python", dir.toString()).exitCode()).isZero();

        InProcessCli.Result created = kumo("service", "create", "from-func", "--source", dir.toString());

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).contains("Building… (func, buildrun " + function + "-",
                "Pushing to local storage… dev.local/default/" + function + "@sha256:", "Creating Revision…");
        assertThat(answer("from-func")).isEqualTo("Hello, world!\n");
        assertThat(kumo("service", "delete", "from-func").exitCode()).isZero();
    }

    private String answer(String name) {
        HttpResponse<String> answer = KUMO.ingress().get(name + ".default.localhost", "/");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private InProcessCli.Result deploy(Path dir) {
        return kumo("func", "deploy", "-p", dir.toString(), "--wait-timeout", "180");
    }

    private InProcessCli.Result kumo(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server";
        all[1] = KUMO.server().apiUrl().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new InProcessCli(home, KUMO.dataDir()).run(all);
    }
}
