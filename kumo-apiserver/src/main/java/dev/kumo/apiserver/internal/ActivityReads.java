package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.apiserver.ActivityView;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /apis/serving.kumo.dev/v1alpha1/activity} (every namespace) and
 * {@code GET /apis/serving.kumo.dev/v1alpha1/namespaces/NS/activity}: the Revisions' recent requests per second and
 * cold starts ({@link ActivityView}), read only; a JSON read the dashboard's session cookie may make.
 */
final class ActivityReads {

    static final String GROUP = "serving.kumo.dev";
    private static final String VERSION = "v1alpha1";

    private ActivityReads() {
    }

    /** Answers {@code rest}, the path after the group. */
    static Reply serve(ApiRequest request, List<String> rest, ActivityView activity) {
        Optional<String> namespace;
        if (rest.size() == 2 && rest.get(0).equals(VERSION) && rest.get(1).equals("activity")) {
            namespace = Optional.empty();
        } else if (rest.size() == 4 && rest.get(0).equals(VERSION) && rest.get(1).equals("namespaces")
                && rest.get(3).equals("activity")) {
            namespace = Optional.of(rest.get(2));
        } else {
            throw new ApiException(StatusReason.NotFound, "the server could not find the requested resource: "
                    + GROUP + " serves /apis/" + GROUP + "/" + VERSION + "/[namespaces/NS/]activity", "", "",
                    List.of());
        }
        if (!request.method().equals("GET")) {
            throw ApiHandler.methodNotAllowed(request.method());
        }
        return Reply.Body.json(200, activity.activity(namespace));
    }
}
