package dev.kumo.cli.service;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** kn's {@code --wait-timeout} and {@code --wait-window}, for every command that waits for a Service. */
public final class WaitOptions {

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the Service to become ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--wait-window", paramLabel = "SECONDS", defaultValue = "2",
            description = "How long a Ready=False may last before the wait fails (default: ${DEFAULT-VALUE}).")
    int windowSeconds;

    /** The wait these options describe; a usage error of {@code command} when they are out of range. */
    public ReadyWait wait(CommandSpec command, dev.kumo.cli.session.Session session) {
        if (timeoutSeconds <= 0) {
            throw new ParameterException(command.commandLine(), "--wait-timeout must be a positive number of seconds");
        }
        if (windowSeconds < 0) {
            throw new ParameterException(command.commandLine(), "--wait-window must be 0 or more seconds");
        }
        return new ReadyWait(session, Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(windowSeconds));
    }
}
