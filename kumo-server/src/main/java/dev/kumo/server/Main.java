package dev.kumo.server;

import dev.kumo.cli.KumoCli;
import java.util.List;

/** The {@code kumo} binary: {@code kumo server} starts the platform, every other verb is the CLI. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return KumoCli.commandLine(List.of(new ServerCommand())).execute(args);
    }
}
