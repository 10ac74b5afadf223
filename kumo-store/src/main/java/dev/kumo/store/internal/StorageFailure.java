package dev.kumo.store.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns a failure of the storage underneath into an ApiException that says what was being done, keeping the cause:
 * 507 when the disk is full (the client may retry once space is freed), 500 otherwise.
 */
final class StorageFailure {

    private StorageFailure() {
    }

    static ApiException of(String doing, Exception cause) {
        ApiException failure = diskFull(cause)
                ? new ApiException(StatusReason.InsufficientStorage, doing + " failed: the disk is full ("
                        + cause.getMessage() + "); nothing was written: free space on the data directory's disk"
                        + " and retry", "", "", List.of())
                : new ApiException(StatusReason.InternalError, doing + ": " + cause.getMessage(), "", "", List.of());
        failure.initCause(cause);
        return failure;
    }

    /** Whether SQLite reported SQLITE_FULL anywhere in the chain (ENOSPC, or a page limit reached). */
    static boolean diskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e && e.getResultCode() == SQLiteErrorCode.SQLITE_FULL) {
                return true;
            }
        }
        return false;
    }
}
