package dev.kumo.api.rbac;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import java.util.List;

/** rbac.authorization.k8s.io/v1 RoleBinding: grants a Role or ClusterRole to subjects, in its namespace only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleBinding(String apiVersion, String kind, ObjectMeta metadata, List<Subject> subjects,
        RoleRef roleRef) implements HasMetadata {

    public List<Subject> subjectsOrEmpty() {
        return subjects == null ? List.of() : subjects;
    }
}
