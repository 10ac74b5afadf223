package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The seccomp profile a container runs under. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeccompProfile(String localhostProfile, String type) {
}
