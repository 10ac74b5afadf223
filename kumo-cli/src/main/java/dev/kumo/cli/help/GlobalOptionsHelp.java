package dev.kumo.cli.help;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Keeps the options every command inherits from the root but seldom needs (where the server is and how to reach
 * it, {@code --version}) out of each subcommand's help, as kubectl and kn do: a subcommand's help lists its own
 * options and {@code -n}/{@code -A}/{@code -o}/{@code --no-headers}, and ends pointing at {@code kumo options}.
 */
public final class GlobalOptionsHelp {

    /** The inherited options a subcommand's help leaves out. */
    static final Set<String> GLOBAL = Set.of("--server", "--data-dir", "--token", "--certificate-authority");

    static final String POINTER = "Use \"kumo options\" for a list of global command-line options (applies to all "
            + "commands).";

    private GlobalOptionsHelp() {
    }

    /** Sets the help of every command under {@code root} (not the root's own). */
    public static void applyTo(CommandLine root) {
        root.getSubcommands().values().stream().distinct().forEach(GlobalOptionsHelp::applyToSubcommand);
    }

    private static void applyToSubcommand(CommandLine command) {
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                help -> help.synopsis(help.synopsisHeadingLength()));
        command.getCommandSpec().usageMessage().abbreviateSynopsis(true);
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                help -> help.optionListExcludingGroups(ownOptions(help.commandSpec().options())));
        command.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> help.footer() + (global(help.commandSpec().options()) ? "%n" + POINTER + "%n" : "")
                        .formatted());
        command.getSubcommands().values().stream().distinct().forEach(GlobalOptionsHelp::applyToSubcommand);
    }

    private static List<OptionSpec> ownOptions(List<OptionSpec> options) {
        return options.stream().filter(option -> !isGlobal(option)).filter(option -> !option.hidden()).toList();
    }

    private static boolean global(List<OptionSpec> options) {
        return options.stream().anyMatch(GlobalOptionsHelp::isGlobal);
    }

    /** An option the root declares for all, inherited here; {@code --version}, which only the root acts on. */
    static boolean isGlobal(OptionSpec option) {
        return option.versionHelp() || option.inherited() && GLOBAL.contains(option.longestName());
    }
}
