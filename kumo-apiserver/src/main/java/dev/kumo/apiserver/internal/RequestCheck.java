package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import java.util.Optional;

/** One rule a request must pass before its body is read; a refusal is answered as a Kubernetes Status. */
@FunctionalInterface
interface RequestCheck {

    /** Why the request is refused, or empty to let it through. */
    Optional<ApiException> refusal(RequestHead request);
}
