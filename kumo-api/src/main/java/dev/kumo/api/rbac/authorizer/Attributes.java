package dev.kumo.api.rbac.authorizer;

/**
 * What a request asks to do, as Kubernetes' authorizer sees it: a verb on a resource (of an API group, optionally
 * a subresource, a name and a namespace), or a verb on a non-resource URL path.
 */
public sealed interface Attributes {

    String verb();

    /**
     * A verb on resources; empty strings stand for what is not named (the core group, no subresource, a list's
     * name, a cluster-scoped or all-namespaces request).
     */
    record Resource(String verb, String apiGroup, String resource, String subresource, String name,
            String namespace) implements Attributes {

        /** A verb on {@code resource} of {@code apiGroup} in {@code namespace}, any object. */
        public static Resource of(String verb, String apiGroup, String resource, String namespace) {
            return new Resource(verb, apiGroup, resource, "", "", namespace);
        }

        /** {@code resource/subresource}, or the resource alone. */
        public String resourceWithSubresource() {
            return subresource.isEmpty() ? resource : resource + "/" + subresource;
        }
    }

    /** A verb on a URL path that is no resource ({@code /healthz}, {@code /apis}). */
    record NonResource(String verb, String path) implements Attributes {
    }

    /**
     * Kubernetes' text after "is forbidden: ", e.g. {@code User "x" cannot list resource "events" in API group ""
     * in the namespace "default"}.
     */
    static String forbiddenMessage(String user, Attributes attributes) {
        return switch (attributes) {
            case NonResource n -> "User \"" + user + "\" cannot " + n.verb() + " path \"" + n.path() + "\"";
            case Resource r -> "User \"" + user + "\" cannot " + r.verb() + " resource \""
                    + r.resourceWithSubresource() + "\" in API group \"" + r.apiGroup() + "\""
                    + (r.namespace().isEmpty() ? " at the cluster scope"
                            : " in the namespace \"" + r.namespace() + "\"");
        };
    }
}
