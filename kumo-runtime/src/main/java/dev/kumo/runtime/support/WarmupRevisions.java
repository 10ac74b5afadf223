package dev.kumo.runtime.support;

/**
 * The namespace of the server's start-up warm-up's synthetic revisions: not a valid Kubernetes namespace (it holds a
 * dot), so no user's object can ever have it; what users see (the activator's log line, the cold-start stages)
 * leaves them out.
 */
public final class WarmupRevisions {

    /** The warm-up's revisions' namespace. */
    public static final String NAMESPACE = "kumo.warmup";

    private WarmupRevisions() {
    }

    /** Whether {@code namespace} is the warm-up's. */
    public static boolean warmup(String namespace) {
        return NAMESPACE.equals(namespace);
    }
}
