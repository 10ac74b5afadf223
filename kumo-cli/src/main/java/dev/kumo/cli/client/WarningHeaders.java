package dev.kumo.cli.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code Warning: 299 - "text"} response headers (RFC 7234) into the text kubectl prints. */
public final class WarningHeaders {

    private static final Pattern WARNING = Pattern.compile("^\\s*\\d{3}\\s+\\S+\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");

    private WarningHeaders() {
    }

    /** The warning text of one header value; empty when the value is not a warning with a quoted text. */
    public static Optional<String> text(String header) {
        Matcher matcher = WARNING.matcher(header);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1).replaceAll("\\\\(.)", "$1"));
    }
}
