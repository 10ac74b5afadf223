package dev.kumo.cli.help;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code kumo help [COMMAND...]}: the usage of the command the words name ({@code kumo help service list} prints
 * what {@code kumo service list --help} prints), or the root's with no words, as kn's {@code help} does. picocli's
 * own help command takes one word only.
 */
@Command(name = "help", helpCommand = true, description = "Help about any command.")
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to print the usage of.")
    List<String> words = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colours;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colours = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String word : words) {
            CommandLine next = target.getSubcommands().get(word);
            if (next == null && target == self.getParent() && word.equals("server")) {
                // The server's command lives in the server's launch, which `kumo help server` (first word) takes.
                throw new ParameterException(target, "The server's usage is printed by 'kumo server --help'.");
            }
            if (next == null) {
                String parent = target.getCommandSpec().qualifiedName();
                throw new ParameterException(target, "Unknown command '" + word + "' for '" + parent + "'; '"
                        + parent.replaceFirst("^\\S+", "$0 help") + "' lists its commands.");
            }
            target = next;
        }
        target.usage(out, colours);
        out.flush();
    }
}
