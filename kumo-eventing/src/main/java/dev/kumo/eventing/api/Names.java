package dev.kumo.eventing.api;

/** Checks of namespace and object names: non-empty and free of '/', so that they fit one path segment. */
final class Names {

    private Names() {
    }

    static void check(String field, String value) {
        if (value == null || value.isEmpty() || value.contains("/")) {
            throw new IllegalArgumentException(field + " is '" + value
                    + "': want a non-empty name without '/' (a Kubernetes object name)");
        }
    }
}
