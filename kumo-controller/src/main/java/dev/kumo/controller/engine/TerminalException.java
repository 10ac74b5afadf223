package dev.kumo.controller.engine;

/** A reconcile failure that retrying cannot fix: logged once, not retried until the object changes again. */
public class TerminalException extends RuntimeException {

    public TerminalException(String message) {
        super(message);
    }

    public TerminalException(String message, Throwable cause) {
        super(message, cause);
    }
}
