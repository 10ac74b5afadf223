package dev.kumo.store;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kumo.api.errors.ApiException;
import dev.kumo.common.testing.ManualClock;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What a contract test needs from the store under test; implemented once per store. */
public interface StoreFixture {

    /** The store of this test, opened with {@link #options()}; closed after the test. */
    ResourceStore store();

    /** Another store, opened with other options; closed after the test. */
    ResourceStore open(StoreOptions options);

    /** The clock every store of this test uses. */
    ManualClock clock();

    default StoreOptions options() {
        return StoreOptions.DEFAULTS.withClock(clock());
    }

    /** The ApiException {@code call} throws (the test fails if it throws nothing or something else). */
    default ApiException failure(ThrowingCallable call) {
        ApiException failure = catchThrowableOfType(ApiException.class, call);
        if (failure == null) {
            throw new AssertionError("expected an ApiException");
        }
        return failure;
    }

    default DeleteOptions deleteOptions(DeleteOptions.Propagation propagation) {
        return new DeleteOptions(Optional.empty(), Optional.empty(), propagation);
    }
}
