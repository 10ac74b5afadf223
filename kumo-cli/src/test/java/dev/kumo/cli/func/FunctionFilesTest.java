package dev.kumo.cli.func;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.cli.base.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionFilesTest {

    @TempDir
    Path dir;

    @Test
    void aTemplateWritesFuncYamlTheHandlerAndItsTestAndRefusesToOverwrite() {
        Path fn = dir.resolve("fn");
        List<Path> written = FunctionTemplates.write(fn, FuncYaml.fresh("fn", Language.JAVA, Template.HTTP, "t"));

        assertThat(written).extracting(p -> fn.relativize(p).toString()).containsExactly("func.yaml",
                "src/Handler.java", "src/HandlerTest.java", "src/kumo/func/HttpRequest.java",
                "src/kumo/func/HttpResponse.java", "src/kumo/func/CloudEvent.java", ".gitignore");
        assertThat(FuncYaml.read(fn).kind()).isEqualTo(Template.HTTP);
        assertThatThrownBy(() -> FunctionTemplates.write(fn, FuncYaml.fresh("fn", Language.JAVA, Template.HTTP, "t")))
                .isInstanceOf(CliException.class).hasMessageContaining("exists already");
    }

    @Test
    void theDigestFollowsTheSourcesAndNotKumosOwnDirectory() throws Exception {
        FuncYaml yaml = FuncYaml.fresh("fn", Language.PYTHON, Template.HTTP, "t");
        FunctionTemplates.write(dir, yaml);
        String first = FunctionFiles.digest(dir, yaml);

        Files.createDirectories(dir.resolve(".func/build-1"));
        Files.writeString(dir.resolve(".func/build-1/func.py"), "changed");
        assertThat(FunctionFiles.digest(dir, yaml)).isEqualTo(first).hasSize(16);
        assertThat(FunctionFiles.sources(dir)).extracting(Path::toString)
                .containsExactly(".gitignore", "func.py", "func.yaml", "test_func.py");

        Files.writeString(dir.resolve("func.py"), Files.readString(dir.resolve("func.py")) + "\n# edited\n");
        assertThat(FunctionFiles.digest(dir, yaml)).isNotEqualTo(first);
    }

    @Test
    void aPythonOrNodeBuildIsTheSourcesBesideKumosInvokerAndItsCommandRunsIt() throws Exception {
        FuncYaml yaml = FuncYaml.fresh("fn", Language.NODE, Template.CLOUDEVENTS, "t");
        FunctionTemplates.write(dir.resolve("fn"), yaml);

        FunctionBuild.Built built = FunctionBuild.build(dir.resolve("fn"), yaml, dir.resolve("out"));

        assertThat(built.dir()).isEqualTo(dir.resolve("out"));
        assertThat(built.dir().resolve("index.js")).exists();
        assertThat(built.dir().resolve("kumo-invoker.js")).content().contains("require('./index.js')");
        assertThat(built.command()).containsExactly("node", "kumo-invoker.js", "cloudevents", "fn");
        assertThat(FunctionBuild.command(Language.PYTHON, Template.HTTP, "p"))
                .containsExactly("python3", "-u", "kumo_invoker.py", "http", "p");
    }

    @Test
    void aJavaBuildCompilesTheHandlerWithTheInvokerAndReportsACompileErrorByFileAndLine() throws Exception {
        Path fn = dir.resolve("fn");
        FuncYaml yaml = FuncYaml.fresh("fn", Language.JAVA, Template.CLOUDEVENTS, "t");
        FunctionTemplates.write(fn, yaml);

        FunctionBuild.Built built = FunctionBuild.build(fn, yaml, dir.resolve("out"));

        assertThat(built.dir().resolve("classes/Handler.class")).exists();
        assertThat(built.dir().resolve("classes/kumo/func/Invoker.class")).exists();
        assertThat(built.dir().resolve("classes/HandlerTest.class")).doesNotExist();
        assertThat(built.command()).endsWith("-cp", "classes", "kumo.func.Invoker", "Handler", "cloudevents", "fn");

        Files.writeString(fn.resolve("src/Handler.java"), "public class Handler { nope }\n");
        assertThatThrownBy(() -> FunctionBuild.build(fn, yaml, dir.resolve("again")))
                .isInstanceOf(CliException.class).hasMessageContaining("javac failed")
                .hasMessageContaining("Handler.java:1: error:");
    }
}
