package dev.kumo.store.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import java.util.List;

/** Turns a failure of the storage underneath into a 500 that says what was being done, keeping the cause. */
final class StorageFailure {

    private StorageFailure() {
    }

    static ApiException of(String doing, Exception cause) {
        ApiException failure = new ApiException(StatusReason.InternalError, doing + ": " + cause.getMessage(), "", "",
                List.of());
        failure.initCause(cause);
        return failure;
    }
}
