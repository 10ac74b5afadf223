package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.usage.UsagePeriod;
import dev.kumo.apiserver.UsageView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /apis/usage.kumo.dev/v1alpha1/usage?since=24h} (every namespace) and
 * {@code GET /apis/usage.kumo.dev/v1alpha1/namespaces/NS/usage?since=24h}: the metered usage over the period
 * ({@link UsagePeriod}, 24 hours when left out) as a {@code UsageReport}; a bad {@code since} is a 400 naming it.
 */
final class UsageReads {

    static final String GROUP = "usage.kumo.dev";
    private static final String VERSION = "v1alpha1";

    private UsageReads() {
    }

    /** Answers {@code rest}, the path after the group. */
    static Reply serve(ApiRequest request, List<String> rest, UsageView usage) {
        Optional<String> namespace;
        if (rest.size() == 2 && rest.get(0).equals(VERSION) && rest.get(1).equals("usage")) {
            namespace = Optional.empty();
        } else if (rest.size() == 4 && rest.get(0).equals(VERSION) && rest.get(1).equals("namespaces")
                && rest.get(3).equals("usage")) {
            namespace = Optional.of(rest.get(2));
        } else {
            throw new ApiException(StatusReason.NotFound, "the server could not find the requested resource: "
                    + GROUP + " serves /apis/" + GROUP + "/" + VERSION + "/[namespaces/NS/]usage", "", "", List.of());
        }
        if (!request.method().equals("GET")) {
            throw ApiHandler.methodNotAllowed(request.method());
        }
        Duration period;
        try {
            period = request.param("since").map(text -> UsagePeriod.parse("since", text))
                    .orElse(UsagePeriod.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return Reply.Body.json(200, usage.report(namespace, period));
    }
}
