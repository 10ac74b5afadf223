package dev.kumo.cli.completion;

import dev.kumo.cli.session.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kumo completion bash|zsh|fish|powershell}: prints a completion script. Every script asks
 * {@code kumo __complete} ({@link CompleteRun}) at each TAB, so object names come from the server, as kubectl's and
 * kn's (cobra's) scripts do.
 */
@Command(name = "completion", description = {"Print a shell completion script.",
    "bash: source <(kumo completion bash)", "zsh:  source <(kumo completion zsh)",
    "fish: kumo completion fish | source",
    "PowerShell: kumo completion powershell | Out-String | Invoke-Expression"})
public final class CompletionCommand implements Callable<Integer> {

    /** The shells a script can be printed for, by the file it is kept in. */
    enum Shell {
        bash("kumo.bash"),
        zsh("kumo.zsh"),
        fish("kumo.fish"),
        powershell("kumo.ps1");

        private final String file;

        Shell(String file) {
            this.file = file;
        }
    }

    @Parameters(paramLabel = "bash|zsh|fish|powershell", description = "The shell.")
    Shell shell;

    private final Session session;

    public CompletionCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.out().print(script(shell));
        session.out().flush();
        return 0;
    }

    static String script(Shell shell) {
        try (InputStream in = CompletionCommand.class.getResourceAsStream(shell.file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
