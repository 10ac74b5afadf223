package dev.kumo.server;

import dev.kumo.apiserver.AccessRules;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code --allowed-origin} values: web origins as browsers send them, {@code scheme://host[:port]}. */
final class AllowedOrigins {

    private AllowedOrigins() {
    }

    /** The origins; a value that is not an origin is an error naming it and the form wanted. */
    static Set<String> parse(List<String> values) {
        return values.stream().map(AllowedOrigins::origin).collect(Collectors.toUnmodifiableSet());
    }

    private static String origin(String value) {
        String normal = AccessRules.origin(value);
        try {
            URI uri = URI.create(normal);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web && uri.getHost() != null && uri.getUserInfo() == null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return normal;
            }
        } catch (IllegalArgumentException e) {
            // Reported below with the form wanted.
        }
        throw new IllegalArgumentException("--allowed-origin: invalid value \"" + value + "\": want a web origin "
                + "such as https://dashboard.example.com or http://localhost:3000 (scheme, host and port only)");
    }
}
