package dev.kumo.cli.base;

import java.util.Optional;

/** A user error the CLI reports as {@code Error: message} with an optional hint line, exit code 1. */
public final class CliException extends RuntimeException {

    private final String hint;

    public CliException(String message) {
        this(message, "");
    }

    public CliException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What the user can do about it, when there is something to say. */
    public Optional<String> hint() {
        return hint.isEmpty() ? Optional.empty() : Optional.of(hint);
    }
}
