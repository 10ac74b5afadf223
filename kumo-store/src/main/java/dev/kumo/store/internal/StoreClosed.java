package dev.kumo.store.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import java.util.List;

/** The failure for calls to a closed store, and the reason its watches get when it closes. */
final class StoreClosed {

    private StoreClosed() {
    }

    static ApiException exception() {
        return new ApiException(StatusReason.ServiceUnavailable, "the store is closed", "", "", List.of());
    }
}
