package dev.kumo.cli.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Takes the next word as a repeatable option's value even when it looks like an option ({@code --arg -p},
 * {@code --arg=-c}), as kn's flags do: a command's own arguments often start with a dash.
 */
public final class NextWord implements IParameterConsumer {

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String name = argSpec instanceof OptionSpec option ? option.longestName() : argSpec.paramLabel();
        if (args.isEmpty()) {
            throw new ParameterException(commandSpec.commandLine(),
                    "Missing value for " + name + ": give one word, e.g. " + name + " -c or " + name + "=-c");
        }
        // A new list each time: picocli resets the option to its initial list before every parse, so that list
        // must stay empty (a line parsed twice would otherwise carry the first parse's words).
        List<String> before = argSpec.getValue();
        List<String> values = new ArrayList<>(before == null ? List.of() : before);
        values.add(args.pop());
        argSpec.setValue(values);
    }
}
