package dev.kumo.dist;

import dev.kumo.cli.KumoCli;
import dev.kumo.server.ServerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Writes the release's {@code share/doc/kumo/reference.txt}: the {@code --help} of every command of {@code kumo}, the
 * server's included, depth first in the order {@code kumo --help} lists them. Argument: the file to write.
 */
public final class HelpReference {

    private HelpReference() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine root = KumoCli.commandLine(List.of(new ServerCommand()));
        List<String> sections = new ArrayList<>();
        collect(root, sections);
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", sections), StandardCharsets.UTF_8);
    }

    /** One section per command: its full name underlined, then its help; each command once (aliases share it). */
    private static void collect(CommandLine command, List<String> sections) {
        String name = command.getCommandSpec().qualifiedName();
        String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        sections.add(name + "\n" + "=".repeat(name.length()) + "\n\n" + help);
        Set<CommandLine> children = new LinkedHashSet<>(command.getSubcommands().values());
        children.forEach(child -> collect(child, sections));
    }
}
