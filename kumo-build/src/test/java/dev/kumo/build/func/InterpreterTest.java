package dev.kumo.build.func;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.build.java.StepFailed;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterpreterTest {

    @Test
    void pythonsProbeGivesTheExecutableItsVersionAndItsStandardLibrary() {
        Interpreter python = Interpreter.parse("python", "/usr/bin/python3.11\n3.11.2\n/usr/lib/python3.11\n");

        assertThat(python).isEqualTo(new Interpreter("python", Path.of("/usr/bin/python3.11"), "3.11.2",
                Optional.of(Path.of("/usr/lib/python3.11"))));
        assertThat(FuncImage.entrypoint(python, "kumo_invoker.py"))
                .containsExactly("/usr/bin/python3.11", "-u", "/app/kumo_invoker.py");
        assertThat(FuncImage.environment(python)).containsEntry("PATH", "/usr/bin:/bin")
                .containsEntry("PORT", "8080").containsEntry("PYTHONDONTWRITEBYTECODE", "1");
    }

    @Test
    void nodesProbeGivesTheExecutableAndItsVersionAndNoStandardLibraryDirectory() {
        Interpreter node = Interpreter.parse("node", "/usr/bin/node\nv20.20.2\n");

        assertThat(node).isEqualTo(new Interpreter("node", Path.of("/usr/bin/node"), "v20.20.2", Optional.empty()));
        assertThat(FuncImage.environment(new Interpreter("node", Path.of("/opt/node/bin/node"), "v20.20.2",
                Optional.empty()))).containsEntry("PATH", "/opt/node/bin:/usr/bin:/bin")
                .doesNotContainKey("PYTHONDONTWRITEBYTECODE");
        assertThat(FuncImage.entrypoint(node, "kumo-invoker.js")).containsExactly("/usr/bin/node",
                "/app/kumo-invoker.js");
    }

    @Test
    void aProbeThatSaysNoPathAndAnUnknownRuntimeFailTheBaseStepNamingWhatToDo() {
        assertThatThrownBy(() -> Interpreter.parse("python", "pyenv: python3: command not found\n"))
                .isInstanceOfSatisfying(StepFailed.class, failed -> {
                    assertThat(failed.outcome().step()).isEqualTo("base");
                    assertThat(failed.outcome().reason()).isEqualTo("InterpreterMissing");
                    assertThat(failed.outcome().logTail()).anySatisfy(line -> assertThat(line)
                            .contains("python3 -c", "command not found"));
                });
        assertThatThrownBy(() -> Interpreter.language("ruby")).isInstanceOfSatisfying(StepFailed.class,
                failed -> assertThat(failed.outcome().logTail()).containsExactly("the build parameter runtime is "
                        + "'ruby': want one of python, node"));
        assertThat(Interpreter.language(" Python ")).isEqualTo("python");
    }
}
