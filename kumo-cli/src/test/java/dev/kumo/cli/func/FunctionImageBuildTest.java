package dev.kumo.cli.func;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionImageBuildTest {

    @TempDir
    Path dir;

    @Test
    void aJavaFunctionIsStagedAsItsSourcesButTheTestsWithTheInvokersSourceForTheJavaStrategy() {
        FuncYaml yaml = FuncYaml.fresh("fn", Language.JAVA, Template.HTTP, "t");
        FunctionTemplates.write(dir.resolve("fn"), yaml);

        Path staged = FunctionImageBuild.stage(dir.resolve("fn"), yaml, dir.resolve("functions/default/fn"));

        assertThat(staged.getFileName().toString()).matches("image-source-[0-9a-f]{16}");
        assertThat(FunctionFiles.sources(staged)).extracting(Path::toString).containsExactly("src/Handler.java",
                "src/kumo/func/CloudEvent.java", "src/kumo/func/HttpRequest.java", "src/kumo/func/HttpResponse.java",
                "src/kumo/func/Invoker.java");
        assertThat(FunctionImageBuild.strategy(Language.JAVA)).isEqualTo("java");
        assertThat(FunctionImageBuild.params(Language.JAVA)).isEqualTo(Map.of("main-class", "kumo.func.Invoker"));
    }

    @Test
    void aPythonFunctionIsStagedWithoutFuncYamlSoRecordingTheImageThereChangesNothingAndAnEditStagesAnew()
            throws Exception {
        FuncYaml yaml = FuncYaml.fresh("fn", Language.PYTHON, Template.HTTP, "t");
        Path fn = dir.resolve("fn");
        FunctionTemplates.write(fn, yaml);
        Path functionDir = dir.resolve("functions/default/fn");

        Path staged = FunctionImageBuild.stage(fn, yaml, functionDir);
        assertThat(FunctionFiles.sources(staged)).extracting(Path::toString)
                .containsExactly(".gitignore", "func.py", "kumo_invoker.py", "test_func.py");
        yaml.withImage("dev.local/default/fn:latest", "sha256:" + "a".repeat(64)).write(fn);
        assertThat(FunctionImageBuild.stage(fn, yaml, functionDir)).isEqualTo(staged);

        Files.writeString(fn.resolve("func.py"), Files.readString(fn.resolve("func.py")) + "\n# edited\n");
        assertThat(FunctionImageBuild.stage(fn, yaml, functionDir)).isNotEqualTo(staged);
        try (var entries = Files.list(functionDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no staging left behind")
                    .allMatch(name -> name.startsWith("image-source-")).hasSize(2);
        }
        assertThat(FunctionImageBuild.strategy(Language.NODE)).isEqualTo("func");
        assertThat(FunctionImageBuild.params(Language.NODE)).isEqualTo(Map.of("runtime", "node"));
        assertThat(FunctionImageBuild.args(yaml)).containsExactly("http", "fn");
    }

    @Test
    void neitherEnvironmentFilesNorLinksReachTheImageAndTheStagingIsTheOwnersOnly() throws Exception {
        FuncYaml yaml = FuncYaml.fresh("fn", Language.PYTHON, Template.HTTP, "t");
        Path fn = dir.resolve("fn");
        FunctionTemplates.write(fn, yaml);
        Files.writeString(fn.resolve(".env"), "API_KEY=secret\n");
        Files.writeString(fn.resolve(".env.local"), "API_KEY=secret\n");
        Path outside = Files.writeString(dir.resolve("kubeconfig"), "token: secret\n");
        Files.createSymbolicLink(fn.resolve("config.json"), outside);

        Path staged = FunctionImageBuild.stage(fn, yaml, dir.resolve("functions/default/fn"));

        assertThat(FunctionFiles.sources(staged)).extracting(Path::toString)
                .containsExactly(".gitignore", "func.py", "kumo_invoker.py", "test_func.py");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(staged)))
                .isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("functions")))).isEqualTo("rwx------");
    }
}
