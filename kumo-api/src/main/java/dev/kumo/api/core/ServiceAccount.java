package dev.kumo.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * Core v1 ServiceAccount: an identity RBAC bindings name ({@code system:serviceaccount:NAMESPACE:NAME}); Kumo issues
 * no tokens for it, so {@code secrets} and {@code imagePullSecrets} are stored as given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceAccount(String apiVersion, String kind, ObjectMeta metadata, List<Map<String, String>> secrets,
        List<Map<String, String>> imagePullSecrets, Boolean automountServiceAccountToken) implements HasMetadata {
}
