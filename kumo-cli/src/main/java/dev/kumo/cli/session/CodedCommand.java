package dev.kumo.cli.session;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command whose picocli model is built in code rather than read from annotations: picocli reads a command's
 * annotations by reflection, and every annotation type read costs a dynamic proxy class, which no AOT cache holds.
 * The commands of the everyday calls ({@code version}, {@code service list}) and the root are built this way.
 */
public interface CodedCommand {

    /** The command's model, without its subcommands ({@link Names#subcommands()}), this object its user object. */
    CommandSpec spec();

    /** What {@code @Command} would say of a coded command: its name, aliases and subcommand types, in help's order. */
    record Names(String name, List<String> aliases, List<Class<?>> subcommands) {
    }
}
