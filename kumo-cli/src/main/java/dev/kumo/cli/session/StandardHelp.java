package dev.kumo.cli.session;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h, --help} and {@code -V, --version} for a command built in code, as picocli's
 * {@code mixinStandardHelpOptions} adds them (which reads its own annotated mixin by reflection on every command).
 */
public final class StandardHelp {

    /**
     * The mixin's name. Not picocli's own ({@code mixinStandardHelpOptions}): under that name picocli takes the
     * command to ask for its mixin, and builds it again, by reflection, for every subcommand added.
     */
    public static final String NAME = "standardHelpOptions";

    /** The options' description keys, as picocli's mixin has them. */
    private static final String KEY_PREFIX = "mixinStandardHelpOptions.";

    private StandardHelp() {
    }

    /** Adds the two options to {@code spec} as the mixin picocli would add, and returns {@code spec}. */
    public static CommandSpec addTo(CommandSpec spec) {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(flag(OptionSpec.builder("-h", "--help").usageHelp(true), "helpRequested", "help",
                "Show this help message and exit."));
        mixin.addOption(flag(OptionSpec.builder("-V", "--version").versionHelp(true), "versionRequested", "version",
                "Print version information and exit."));
        return spec.addMixin(NAME, mixin);
    }

    private static OptionSpec flag(OptionSpec.Builder builder, String field, String key, String description) {
        // Without a getter or setter, picocli keeps the value in the option itself.
        return BooleanFlag.of(builder, field).descriptionKey(KEY_PREFIX + key).description(description).build();
    }
}
