package dev.kumo.eventing.ingress;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the CloudEvents SDK (or the header decoding) threw while reading a request into a 400 reason that names
 * the attribute, its value and the fix, without the SDK's and Jackson's exception class names.
 */
final class ParseFailure {

    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*: ");
    private static final Pattern BAD_VALUE = Pattern.compile("Invalid attribute/extension value for \"([^\"]+)\": (.*)",
            Pattern.DOTALL);
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\s+at \\[Source: .*", Pattern.DOTALL);

    /** The form each typed context attribute must take (CloudEvents type system). */
    private static final Map<String, String> WANTED = Map.of(
            "time", "an RFC 3339 timestamp with an offset, e.g. 2025-03-04T05:06:07Z",
            "dataschema", "an absolute URI, e.g. https://example.com/schema.json",
            "source", "a URI-reference, e.g. /my/app",
            "specversion", "1.0");

    private ParseFailure() {
    }

    static String describe(RuntimeException e, String contentType) {
        String message = strip(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unknown encoding")) {
            return "the request is not a CloudEvent (Content-Type '" + contentType + "', no ce-specversion header):"
                    + " send binary mode with ce-specversion, ce-id, ce-source and ce-type headers, or structured"
                    + " mode with Content-Type: application/cloudevents+json";
        }
        Matcher badValue = BAD_VALUE.matcher(message);
        if (badValue.matches()) {
            String attribute = badValue.group(1);
            return "the event's '" + attribute + "' is '" + badValue.group(2) + "', which is not "
                    + WANTED.getOrDefault(attribute, "a valid value for it") + ": send that instead";
        }
        if (lower.startsWith("invalid specversion")) {
            return "the event's specversion is '" + message.substring(message.indexOf(':') + 1).trim()
                    + "', which this broker does not know: send specversion 1.0 (CloudEvents 1.0)";
        }
        if (lower.contains("broken base64")) {
            return "the event's data_base64 is not valid base64 (RFC 4648): " + message;
        }
        return "the request is not a valid CloudEvent: " + message;
    }

    /** The innermost readable part: wrapper class names and Jackson's source location dropped. */
    private static String strip(String message) {
        String stripped = message;
        for (Matcher prefix = CLASS_PREFIX.matcher(stripped); prefix.find(); prefix = CLASS_PREFIX.matcher(stripped)) {
            stripped = stripped.substring(prefix.end());
        }
        return JACKSON_LOCATION.matcher(stripped).replaceFirst("");
    }
}
