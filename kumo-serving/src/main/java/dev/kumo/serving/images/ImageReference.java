package dev.kumo.serving.images;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference read as Docker and go-containerregistry read it: a first path component with a dot or a colon,
 * or {@code localhost}, names the registry, else Docker Hub ({@code index.docker.io}, where a one-part repository is
 * in {@code library/}); no tag means {@code latest}.
 *
 * @param registry the registry as written ({@code host[:port]}), Docker Hub as {@code index.docker.io}
 * @param repository the repository within it
 * @param tag the tag, when the reference is not by digest
 * @param digest the digest ({@code sha256:…}), when the reference is by digest
 */
record ImageReference(String registry, String repository, Optional<String> tag, Optional<String> digest) {

    static final String DOCKER_HUB = "index.docker.io";

    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+"
            + "[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");
    private static final Pattern LOOPBACK = Pattern.compile("(localhost|127(?:\\.\\d{1,3}){3}|\\[::1]):\\d+");

    /** Reads {@code image}; an IllegalArgumentException says what is wrong with it. */
    static ImageReference parse(String image) {
        String rest = image;
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1));
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest.get()).matches()) {
                throw new IllegalArgumentException("could not parse reference " + image + ": bad digest");
            }
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first.equals("docker.io") ? DOCKER_HUB : first;
                rest = rest.substring(slash + 1);
            }
        }
        Optional<String> tag = Optional.empty();
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = Optional.of(rest.substring(colon + 1));
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag.get()).matches()) {
                throw new IllegalArgumentException("could not parse reference " + image + ": bad tag");
            }
        }
        String repository = registry.equals(DOCKER_HUB) && !rest.contains("/") ? "library/" + rest : rest;
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("could not parse reference " + image + ": repository must be "
                    + "lowercase letters, digits and separators");
        }
        if (digest.isPresent()) {
            return new ImageReference(registry, repository, Optional.empty(), digest);
        }
        return new ImageReference(registry, repository, Optional.of(tag.orElse("latest")), digest);
    }

    /** The repository with its registry, {@code index.docker.io/library/ubuntu}: what a digest is appended to. */
    String name() {
        return registry + "/" + repository;
    }

    /** The tag or the digest: what the manifest is asked for by. */
    String reference() {
        return digest.or(() -> tag).orElseThrow();
    }

    /**
     * Where the registry's v2 API is: https, except plain http for a registry on loopback with a port
     * ({@code localhost:5000}, {@code 127.0.0.1:5000}, {@code [::1]:5000}), as go-containerregistry does.
     */
    String baseUrl() {
        return (LOOPBACK.matcher(registry).matches() ? "http" : "https") + "://" + registry;
    }
}
