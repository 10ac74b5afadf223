package dev.kumo.eventing.log;

/** The event log could not do what was asked (the database failed, or the log is closed). */
public final class LogFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LogFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public LogFailure(String message) {
        super(message);
    }
}
