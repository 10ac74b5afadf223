package dev.kumo.api.serving.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/** The Kubernetes name syntaxes Knative checks beyond object names: DNS-1035 and DNS-1123 labels, qualified names. */
public final class Names {

    private static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private Names() {
    }

    /** Why {@code value} is not a DNS-1035 label (what Knative requires of tags and Revision names), if it is not. */
    public static Optional<String> dns1035LabelError(String value) {
        if (value.length() > MAX_LABEL_LENGTH) {
            return Optional.of("must be no more than 63 characters");
        }
        return DNS1035_LABEL.matcher(value).matches() ? Optional.empty()
                : Optional.of("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
                        + "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or "
                        + "'abc-123')");
    }

    /** Why {@code value} is not a DNS-1123 label (volume names), if it is not. */
    public static Optional<String> dns1123LabelError(String value) {
        if (value.length() > MAX_LABEL_LENGTH) {
            return Optional.of("must be no more than 63 characters");
        }
        return DNS1123_LABEL.matcher(value).matches() ? Optional.empty()
                : Optional.of("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                        + "and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')");
    }

    /** Why {@code value} is not a DNS-1123 subdomain (service account names), if it is not. */
    public static Optional<String> dns1123SubdomainError(String value) {
        if (value.length() > 253) {
            return Optional.of("must be no more than 253 characters");
        }
        return DNS1123_SUBDOMAIN.matcher(value).matches() ? Optional.empty()
                : Optional.of("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                        + "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')");
    }

    /** Why {@code value} is not a qualified name ({@code [prefix/]name}, as traffic targets' names), if it is not. */
    public static Optional<String> qualifiedNameError(String value) {
        int slash = value.indexOf('/');
        String name = slash < 0 ? value : value.substring(slash + 1);
        if (slash >= 0 && dns1123SubdomainError(value.substring(0, slash)).isPresent()) {
            return Optional.of("prefix part must be a DNS-1123 subdomain");
        }
        if (name.isEmpty() || name.length() > MAX_LABEL_LENGTH || !QUALIFIED_NAME.matcher(name).matches()) {
            return Optional.of("name part must consist of alphanumeric characters, '-', '_' or '.', and must start "
                    + "and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')");
        }
        return Optional.empty();
    }
}
