package dev.kumo.dataplane.router;

import java.util.Locale;

/** Turns a Host header value into the route key: lower case, without port. */
final class HostHeader {

    private HostHeader() {
    }

    /** {@code Hello.Default.localhost:8080} → {@code hello.default.localhost}; {@code [::1]:80} → {@code [::1]}. */
    static String routeKey(String host) {
        if (host == null) {
            return "";
        }
        int end = host.length();
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']', colon) < 0 && (host.charAt(0) != '[' || host.charAt(colon - 1) == ']')) {
            end = colon;
        }
        String name = host.substring(0, end);
        // Performance: most clients already send lower case; skip the copy then.
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }
}
