package dev.kumo.apiserver;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may talk to the API besides loopback clients: the host names a request's {@code Host} header may carry (the
 * loopback names and the bound address are always allowed) and the web origins a request's {@code Origin} header
 * may name (none by default, so no web page can drive the API from a browser).
 *
 * @param hosts extra names or addresses the {@code Host} header may carry, such as the certificate's names
 * @param origins web origins ({@code scheme://host[:port]}) whose pages may call the API
 */
public record AccessRules(Set<String> hosts, Set<String> origins) {

    /** Loopback clients only, no web origin. */
    public static final AccessRules LOOPBACK = new AccessRules(Set.of(), Set.of());

    public AccessRules {
        hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        origins = origins.stream().map(AccessRules::origin).collect(Collectors.toUnmodifiableSet());
    }

    /** An origin as browsers send it: lower case, no trailing slash. */
    public static String origin(String value) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
