package dev.kumo.apiserver.internal;

import dev.kumo.api.printing.TableProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP request as the API handlers see it: method, path, decoded query, headers (lower-case) and body. */
record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
        byte[] body) {

    Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The same request with {@code watch=true}, its path without the {@code /watch/} segment of old clients. */
    ApiRequest asWatch() {
        Map<String, List<String>> watched = new java.util.LinkedHashMap<>(query);
        watched.put("watch", List.of("true"));
        return new ApiRequest(method, path.replaceFirst("/watch/", "/"), Map.copyOf(watched), headers, body);
    }

    boolean flag(String name) {
        return param(name).map(v -> v.isEmpty() || v.equals("true") || v.equals("1")).orElse(false);
    }

    String header(String name) {
        return headers.getOrDefault(name.toLowerCase(), "");
    }

    /** The media type of the body, without parameters. */
    String contentType() {
        String value = header("content-type");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase();
    }

    /** Whether the client asked for a meta.k8s.io Table rendering. */
    boolean wantsTable() {
        return header("accept").contains("as=Table");
    }

    /** Which of the kind's tables the client asked for: kubectl's, or kn's ({@code profile=kn}). */
    TableProfile tableProfile() {
        return TableProfile.fromAccept(header("accept"));
    }
}
