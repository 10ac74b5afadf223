package dev.kumo.api.serving.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a container image reference the way Knative's weak validation does: {@code [host[:port]/]path[:tag][@digest]}. */
final class ImageReference {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
    private static final Pattern REFERENCE = Pattern.compile("(?:" + HOST + "/)?" + COMPONENT + "(?:/" + COMPONENT
            + ")*(?::[\\w][\\w.-]{0,127})?(?:@[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,})?");

    private ImageReference() {
    }

    /** Why {@code image} is not a valid reference, if it is not. */
    static Optional<String> error(String image) {
        if (REFERENCE.matcher(image).matches()) {
            return Optional.empty();
        }
        return Optional.of("Failed to parse image reference: want [registry/]repository[:tag][@digest] in lower "
                + "case, e.g. ghcr.io/knative/helloworld-go:latest");
    }
}
