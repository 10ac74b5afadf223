package dev.kumo.cli.func;

import dev.kumo.cli.session.GroupCommand;
import picocli.CommandLine.Command;

/** {@code kumo func}: knative func's verbs on functions. */
@Command(name = "func", aliases = {"function", "functions"}, description = "Create, run, deploy and invoke "
        + "functions (Java, Python, Node) with no image, registry or download: knative func's grammar.",
        subcommands = {FuncCreateCommand.class, FuncRunCommand.class, FuncInvokeCommand.class, FuncBuildCommand.class,
            FuncDeployCommand.class, FuncListCommand.class, FuncDescribeCommand.class, FuncDeleteCommand.class})
public final class FuncCommand extends GroupCommand {
}
