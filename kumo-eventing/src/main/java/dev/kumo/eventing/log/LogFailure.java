package dev.kumo.eventing.log;

import java.io.IOException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The event log could not do what was asked (the database failed, or the log is closed); {@link #diskFull} when
 * SQLite found no room to write (SQLITE_FULL) or a write or sync of the journal failed with ENOSPC, which passes once
 * space is freed.
 */
public final class LogFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean diskFull;

    public LogFailure(String message, Throwable cause) {
        super(message, cause);
        this.diskFull = cause instanceof LogFailure failure ? failure.diskFull
                : sqliteFull(cause) || noSpace(cause);
    }

    public LogFailure(String message) {
        super(message);
        this.diskFull = false;
    }

    /** A batch of writes to {@code database} that was rolled back because of {@code cause}. */
    static LogFailure writing(String database, Exception cause) {
        return sqliteFull(cause)
                ? new LogFailure("writing to the event log " + database + " failed: the disk is full ("
                        + cause.getMessage() + "); nothing was stored: free space on the data directory's disk",
                        cause)
                : new LogFailure("writing to the event log: " + cause.getMessage(), cause);
    }

    /** Whether the log failed for want of disk space, which passes once space is freed. */
    public boolean diskFull() {
        return diskFull;
    }

    /** ENOSPC as the JDK reports it from a write or force ({@code FileSystemException} or plain IOException). */
    private static boolean noSpace(Throwable cause) {
        for (Throwable at = cause; at != null; at = at.getCause()) {
            if (at instanceof IOException && String.valueOf(at.getMessage()).contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static boolean sqliteFull(Throwable cause) {
        return cause instanceof SQLiteException e && e.getResultCode() == SQLiteErrorCode.SQLITE_FULL;
    }
}
