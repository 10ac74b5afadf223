package dev.kumo.cli.session;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code kumo}, {@code kumo service}): run alone, it prints its usage. */
public abstract class GroupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** For a group built in code ({@link CodedCommand}): its model, which picocli injects into annotated ones. */
    protected final CommandSpec group(CommandSpec built) {
        this.spec = built;
        return built;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
