package dev.kumo.server;

import picocli.CommandLine;

/** The {@code kumo} binary: {@code kumo server} starts the platform, every other verb is the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine commandLine = new CommandLine(new Root()).addSubcommand(new ServerCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("Error: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    /** The root command until the CLI module provides it. */
    @CommandLine.Command(name = "kumo", mixinStandardHelpOptions = true,
            description = "Knative Serving and Eventing in one small process.")
    static final class Root {
    }

}
