package dev.kumo.serving.images;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.controller.revision.ImageResolutionException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A registry's v2 API, as much as digest resolution needs: {@code HEAD /v2/REPOSITORY/manifests/TAG} accepting
 * every manifest kind (OCI index and manifest, Docker manifest list and v2 manifest), the digest read from
 * {@code Docker-Content-Digest}. A 401 is answered as the registry asks: a Bearer token from its token service
 * (with the pull secret's user and password, if any), or Basic. Blocking: run it off event loops.
 */
final class RegistryClient {

    /** The manifest kinds asked for, the list kinds first: the digest of a multi-platform image is its index's. */
    static final String ACCEPT = String.join(", ",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    /** What a person offline can do: an image podman already has needs no registry if it is not asked for one. */
    static final String UNREACHABLE = " (registry unreachable: an image already in podman's local storage runs "
            + "without one when named by digest or when its registry is in registries-skipping-tag-resolving)";

    private final HttpClient http;
    private final Duration requestTimeout;

    RegistryClient(HttpClient http, Duration requestTimeout) {
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /** The digest ({@code sha256:…}) {@code image}'s tag points at now; an ImageResolutionException says why not. */
    String digest(ImageReference image, Optional<RegistryCredentials.Basic> credentials) {
        URI manifest = URI.create(image.baseUrl() + "/v2/" + image.repository() + "/manifests/" + image.reference());
        Optional<String> authorization = Optional.empty();
        HttpResponse<byte[]> head = send(manifest, "HEAD", authorization);
        if (head.statusCode() == 401) {
            authorization = Optional.of(authorize(image, head, credentials));
            head = send(manifest, "HEAD", authorization);
        }
        if (head.statusCode() == 200) {
            Optional<String> digest = head.headers().firstValue("Docker-Content-Digest");
            if (digest.isPresent()) {
                return digest.get();
            }
        }
        // No digest header, or an error a HEAD cannot explain (it has no body): a GET says more.
        HttpResponse<byte[]> get = send(manifest, "GET", authorization);
        if (get.statusCode() == 200) {
            return get.headers().firstValue("Docker-Content-Digest").orElseGet(() -> sha256(get.body()));
        }
        throw new ImageResolutionException("GET " + manifest + ": " + problem(get));
    }

    /** The Authorization header the 401 asks for; an ImageResolutionException when it cannot be had. */
    private String authorize(ImageReference image, HttpResponse<byte[]> unauthorized,
            Optional<RegistryCredentials.Basic> credentials) {
        Optional<AuthChallenge> challenge = AuthChallenge.parse(unauthorized.headers().firstValue("WWW-Authenticate"));
        if (challenge.isPresent() && challenge.get().bearer() && challenge.get().parameter("realm").isPresent()) {
            return "Bearer " + token(image, challenge.get(), credentials);
        }
        if (challenge.isPresent() && challenge.get().basic() && credentials.isPresent()) {
            return credentials.get().header();
        }
        throw new ImageResolutionException("HEAD " + image.baseUrl() + "/v2/" + image.repository() + "/manifests/"
                + image.reference() + ": 401 Unauthorized" + (credentials.isEmpty()
                ? " (no imagePullSecrets hold credentials for " + image.registry() + ")" : ""));
    }

    /** A pull token for the repository from the registry's token service, as the distribution spec describes. */
    private String token(ImageReference image, AuthChallenge challenge, Optional<RegistryCredentials.Basic> credentials) {
        StringBuilder query = new StringBuilder();
        challenge.parameter("service").ifPresent(service -> query.append("service=").append(encode(service)));
        String scope = "repository:" + image.repository() + ":pull";
        query.append(query.isEmpty() ? "" : "&").append("scope=").append(encode(scope));
        String realm = challenge.parameter("realm").orElseThrow();
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpResponse<byte[]> answer = send(uri, "GET", credentials.map(RegistryCredentials.Basic::header));
        if (answer.statusCode() != 200) {
            throw new ImageResolutionException("token request to " + realm + ": " + problem(answer));
        }
        JsonNode body = parse(answer.body()).orElseThrow(() -> new ImageResolutionException(
                "token request to " + realm + ": the answer is not JSON"));
        String token = body.path("token").asText(body.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new ImageResolutionException("token request to " + realm + ": the answer holds no token");
        }
        return token;
    }

    private HttpResponse<byte[]> send(URI uri, String method, Optional<String> authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", ACCEPT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ImageResolutionException(method + " " + uri + ": no answer within "
                    + requestTimeout.toSeconds() + "s", e);
        } catch (IOException e) {
            throw new ImageResolutionException(method + " " + uri + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + UNREACHABLE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageResolutionException(method + " " + uri + ": interrupted", e);
        }
    }

    /**
     * What a failed answer says: the registry's errors ({@code MANIFEST_UNKNOWN: manifest unknown}, as the
     * distribution spec's error body has them), else the status and the start of the body.
     */
    private static String problem(HttpResponse<byte[]> answer) {
        Optional<JsonNode> body = parse(answer.body());
        if (body.isPresent() && body.get().path("errors").isArray() && !body.get().path("errors").isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode error : body.get().path("errors")) {
                text.append(text.isEmpty() ? "" : "; ").append(error.path("code").asText("UNKNOWN")).append(": ")
                        .append(error.path("message").asText(""));
            }
            return text.toString();
        }
        String raw = new String(answer.body(), StandardCharsets.UTF_8).strip();
        return "unexpected status code " + answer.statusCode() + (raw.isEmpty() ? ""
                : ": " + (raw.length() > 200 ? raw.substring(0, 200) + "…" : raw));
    }

    private static Optional<JsonNode> parse(byte[] body) {
        try {
            return body.length == 0 ? Optional.empty() : Optional.of(Json.parseObject(body));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] manifest) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
