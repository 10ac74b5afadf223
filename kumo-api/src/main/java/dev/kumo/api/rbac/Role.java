package dev.kumo.api.rbac;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import java.util.List;

/** rbac.authorization.k8s.io/v1 Role: rules that apply in its namespace, to whoever a RoleBinding there names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Role(String apiVersion, String kind, ObjectMeta metadata, List<PolicyRule> rules)
        implements HasMetadata {

    public List<PolicyRule> rulesOrEmpty() {
        return rules == null ? List.of() : rules;
    }
}
