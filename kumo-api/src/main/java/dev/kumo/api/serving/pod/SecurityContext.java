package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The container security settings Knative accepts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecurityContext(
        Boolean allowPrivilegeEscalation, Capabilities capabilities, Boolean privileged,
        Boolean readOnlyRootFilesystem, Long runAsGroup, Boolean runAsNonRoot, Long runAsUser,
        SeccompProfile seccompProfile) {
}
