package dev.kumo.cli.func;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.cli.base.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuncYamlTest {

    @TempDir
    Path dir;

    @Test
    void aNewFunctionsFileHasKnativeFuncsFieldsAndNoEmptySections() {
        String text = FuncYaml.fresh("hello", Language.PYTHON, Template.CLOUDEVENTS, "2026-12-06T16:00:00Z").text();

        assertThat(text).isEqualTo("""
                specVersion: 0.36.0
                name: hello
                runtime: python
                template: cloudevents
                created: 2026-12-06T16:00:00Z
                invoke: cloudevent
                """);
    }

    @Test
    void aKnativeFuncFileIsReadWithTheFieldsKumoKnowsAndTheRestIgnored() throws Exception {
        Files.writeString(dir.resolve("func.yaml"), """
                specVersion: 0.36.0
                name: greeter
                runtime: node
                registry: quay.io/someone
                image: quay.io/someone/greeter:latest
                created: 2024-01-02T03:04:05Z
                invoke: cloudevent
                build:
                  builder: pack
                  buildpacks: []
                run:
                  envs:
                  - name: GREETING
                    value: hi
                deploy:
                  namespace: team
                  annotations:
                    owner: me
                  labels:
                  - key: app
                    value: greeter
                  healthEndpoints:
                    liveness: /health/liveness
                """);

        FuncYaml yaml = FuncYaml.read(dir);

        assertThat(yaml.name()).isEqualTo("greeter");
        assertThat(yaml.language()).isEqualTo(Language.NODE);
        assertThat(yaml.kind()).as("invoke: cloudevent without a template").isEqualTo(Template.CLOUDEVENTS);
        assertThat(yaml.image()).isEqualTo("quay.io/someone/greeter:latest");
        assertThat(yaml.build().builder()).isEqualTo("pack");
        assertThat(yaml.run().envs()).containsExactly(new FuncYaml.Env("GREETING", "hi"));
        assertThat(yaml.deploy().namespace()).isEqualTo("team");
        assertThat(yaml.deploy().annotations()).isEqualTo(Map.of("owner", "me"));
        assertThat(yaml.deploy().labels()).containsExactly(new FuncYaml.Label("app", "greeter"));
    }

    @Test
    void writingAndReadingAgainGivesTheSameFunction() {
        FuncYaml written = new FuncYaml("0.36.0", "f", "java", "http", "", "", "", "", "2026-12-06T16:00:00Z",
                "http", null, new FuncYaml.Run(List.of(new FuncYaml.Env("A", "1"))),
                new FuncYaml.Deploy("ns", "", Map.of("a", "b"), List.of(new FuncYaml.Label("k", "v"))));
        written.write(dir);

        assertThat(FuncYaml.read(dir)).isEqualTo(written);
    }

    @Test
    void aBuildRecordsTheImageAndItsDigestAsKnativeFuncDoesKeepingTheRest() throws Exception {
        FuncYaml yaml = FuncYaml.fresh("f", Language.PYTHON, Template.HTTP, "2026-12-06T16:00:00Z");
        String digest = "sha256:" + "0123456789abcdef".repeat(4);

        yaml.withImage("dev.local/default/f:latest", digest).write(dir);

        assertThat(Files.readString(dir.resolve("func.yaml"))).contains("name: f\nruntime: python\ntemplate: http\n"
                + "image: dev.local/default/f:latest\nimageDigest: " + digest + "\ncreated:");
        FuncYaml read = FuncYaml.read(dir);
        assertThat(read.image()).isEqualTo("dev.local/default/f:latest");
        assertThat(read.imageDigest()).isEqualTo(digest);
        assertThat(read.withImage("", "")).isEqualTo(yaml);
    }

    @Test
    void aMissingFileOrNameOrAnUnknownRuntimeSaysWhatToDo() throws Exception {
        assertThatThrownBy(() -> FuncYaml.read(dir)).isInstanceOf(CliException.class)
                .hasMessageContaining("func.yaml not found");
        Files.writeString(dir.resolve("func.yaml"), "runtime: python\n");
        assertThatThrownBy(() -> FuncYaml.read(dir)).hasMessageContaining("name is not set");
        Files.writeString(dir.resolve("func.yaml"), "name: f\nruntime: go\n");
        assertThatThrownBy(() -> FuncYaml.read(dir).language()).hasMessageContaining("unknown runtime 'go'");
    }
}
