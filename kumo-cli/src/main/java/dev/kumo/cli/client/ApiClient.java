package dev.kumo.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.CliException;
import dev.kumo.cli.config.ClientConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The few Kubernetes API calls the CLI makes. Failures come back as {@link ApiError} (the server's Status) or
 * {@link ServerUnreachable}; {@code Warning} headers go to the warnings sink.
 */
public final class ApiClient {

    /** The field manager the CLI applies as. */
    public static final String FIELD_MANAGER = "kumo";
    static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ClientConfig config;
    private final Consumer<String> warnings;
    private final String userAgent;
    private final HttpClient http;

    public ApiClient(ClientConfig config, Consumer<String> warnings, String userAgent) {
        this.config = config;
        this.warnings = warnings;
        this.userAgent = userAgent;
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        config.certificateAuthority().ifPresent(ca -> http.sslContext(TrustedCertificates.sslContext(ca)));
        this.http = http.build();
    }

    /** The outcome of a server-side apply: the object the server stored, and whether it was created. */
    public record Applied(ObjectNode object, boolean created) {
    }

    public URI server() {
        return config.server();
    }

    /** One object; a missing one is an {@link ApiError} with the server's NotFound. */
    public ObjectNode get(ResourceType type, String namespace, String name) {
        return send(Call.of("GET", ResourcePaths.object(type, namespace, name), type, namespace)).body();
    }

    /** One object, or empty when the server says it does not exist. */
    public Optional<ObjectNode> find(ResourceType type, String namespace, String name) {
        try {
            return Optional.of(get(type, namespace, name));
        } catch (ApiError e) {
            if (e.status().isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The list of a kind in a namespace, or across all namespaces when the namespace is empty. */
    public ObjectNode list(ResourceType type, Optional<String> namespace, Optional<String> labelSelector) {
        String query = labelSelector.map(s -> "?labelSelector=" + URLEncoder.encode(s, StandardCharsets.UTF_8))
                .orElse("");
        return send(new Call("GET", ResourcePaths.collection(type, namespace) + query, "", "",
                Optional.of(type), namespace)).body();
    }

    /** Server-side apply: the server creates the object (201) or merges the applied fields into it (200). */
    public Applied apply(ResourceType type, String namespace, String name, ObjectNode object) {
        String path = ResourcePaths.object(type, namespace, name) + "?fieldManager=" + FIELD_MANAGER
                + "&fieldValidation=Strict";
        Response response = send(new Call("PATCH", path, APPLY_PATCH, Json.write(object), Optional.of(type),
                Optional.of(namespace)));
        return new Applied(response.body(), response.code() == 201);
    }

    /** Deletes one object, letting the server collect its dependents in the background. */
    public ObjectNode delete(ResourceType type, String namespace, String name) {
        String body = Json.write(Json.object().put("propagationPolicy", "Background"));
        return send(new Call("DELETE", ResourcePaths.object(type, namespace, name), "application/json", body,
                Optional.of(type), Optional.of(namespace))).body();
    }

    /** The server's {@code /version} document. */
    public ObjectNode version() {
        return send(new Call("GET", "/version", "", "", Optional.empty(), Optional.empty())).body();
    }

    private Response send(Call call) {
        HttpRequest request = request(call);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new ServerUnreachable(config.server(), "connection timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ServerUnreachable(config.server(), "no answer within " + REQUEST_TIMEOUT.toSeconds() + "s", e);
        } catch (ConnectException e) {
            throw new ServerUnreachable(config.server(), "connection refused", e);
        } catch (IOException e) {
            TlsFailures.explain(config, e).ifPresent(tls -> {
                throw tls;
            });
            throw new ServerUnreachable(config.server(), e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        response.headers().allValues("Warning").forEach(h -> WarningHeaders.text(h).ifPresent(warnings));
        if (response.statusCode() / 100 != 2) {
            throw new ApiError(ApiStatus.parse(response.statusCode(), response.body(), call.method() + " "
                    + call.path()), call.type(), call.namespace());
        }
        try {
            return new Response(response.statusCode(), Json.parseObject(response.body()));
        } catch (RuntimeException e) {
            throw new CliException("the server at " + config.server() + " answered " + call.method() + " "
                    + call.path() + " with something that is not a JSON object; is it a Kumo API server?");
        }
    }

    private HttpRequest request(Call call) {
        String base = config.server().toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path()))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").header("User-Agent", userAgent);
        config.token().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        if (call.body().isEmpty()) {
            return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", call.contentType())
                .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8))
                .build();
    }

    private record Call(String method, String path, String contentType, String body, Optional<ResourceType> type,
            Optional<String> namespace) {

        static Call of(String method, String path, ResourceType type, String namespace) {
            return new Call(method, path, "", "", Optional.of(type), Optional.of(namespace));
        }
    }

    private record Response(int code, ObjectNode body) {
    }
}
