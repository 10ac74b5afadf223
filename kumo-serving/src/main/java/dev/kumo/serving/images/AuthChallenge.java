package dev.kumo.serving.images;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's {@code WWW-Authenticate} answer to a 401: {@code Bearer realm="…",service="…",scope="…"} (ask the
 * token service at the realm) or {@code Basic realm="…"} (send the user and password to the registry itself).
 *
 * @param scheme {@code bearer} or {@code basic}, lowercased
 * @param parameters the challenge's parameters ({@code realm}, {@code service}, {@code scope}, …)
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z_]+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    /** Reads a {@code WWW-Authenticate} header; empty when it is missing or names no scheme. */
    static Optional<AuthChallenge> parse(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String text = header.get().strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (space >= 0) {
            Matcher matcher = PARAMETER.matcher(text.substring(space + 1));
            while (matcher.find()) {
                String value = matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1")
                        : matcher.group(3);
                parameters.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), value);
            }
        }
        return Optional.of(new AuthChallenge(scheme, Map.copyOf(parameters)));
    }

    boolean bearer() {
        return scheme.equals("bearer");
    }

    boolean basic() {
        return scheme.equals("basic");
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
