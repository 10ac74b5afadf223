package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.rbac.authorizer.UserInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Who a request runs as. Whoever passed the access gate holds Kumo's token (or the server runs without one) and is a
 * cluster admin ({@link UserInfo#ADMIN}, in {@code system:masters}, who may impersonate anyone); with
 * {@code Impersonate-User} (and {@code Impersonate-Group}), as {@code kubectl --as=… --as-group=…} sends them, the
 * request runs as that user and RBAC decides what it may do.
 */
final class Impersonation {

    private Impersonation() {
    }

    /** The impersonated user of {@code request}, if it names one. */
    static Optional<UserInfo> of(ApiRequest request) {
        String user = request.header("impersonate-user").trim();
        List<String> groups = Arrays.stream(request.header("impersonate-group").split(",")).map(String::trim)
                .filter(g -> !g.isEmpty()).toList();
        if (user.isEmpty()) {
            if (!groups.isEmpty()) {
                throw ApiException.badRequest("requested Impersonate-Group " + groups + " without impersonating a "
                        + "user: send Impersonate-User too (kubectl --as)");
            }
            return Optional.empty();
        }
        return Optional.of(UserInfo.impersonated(user, groups));
    }
}
