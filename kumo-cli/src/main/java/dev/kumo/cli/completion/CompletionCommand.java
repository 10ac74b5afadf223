package dev.kumo.cli.completion;

import dev.kumo.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo completion bash|zsh}: prints a completion script. zsh runs the bash script through
 * {@code bashcompinit}, as picocli documents; the script itself sets that up when sourced by zsh.
 */
@Command(name = "completion", description = {"Print a shell completion script.",
    "bash: source <(kumo completion bash)", "zsh:  source <(kumo completion zsh)"})
public final class CompletionCommand implements Callable<Integer> {

    /** The shells a script can be printed for. */
    enum Shell {
        bash,
        zsh
    }

    @Parameters(paramLabel = "bash|zsh", description = "The shell.")
    Shell shell;

    @Spec
    CommandSpec spec;

    private final Session session;

    public CompletionCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        if (shell == Shell.zsh) {
            // picocli's script loads bashcompinit itself under zsh (and compinit only if it is not loaded yet).
            session.out().println("# kumo completion for zsh: the bash script, run through zsh's bashcompinit.");
        }
        session.out().print(script);
        session.out().flush();
        return 0;
    }
}
