package dev.kumo.serving.usage;

import java.util.Objects;

/**
 * What usage is counted against: a Revision of a Service ({@code service} empty for a Configuration of its own), or
 * a Service alone ({@code revision} empty: events delivered to it).
 */
public record UsageKey(String namespace, String service, String revision) {

    public UsageKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(revision, "revision");
    }
}
