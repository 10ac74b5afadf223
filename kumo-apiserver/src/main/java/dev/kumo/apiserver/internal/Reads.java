package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.api.printing.TableProfile;
import dev.kumo.store.FieldMatch;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceList;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GET of one object, LIST (plain or as a Table) and WATCH. */
final class Reads {

    private final ResourceStore store;
    private final TableView tables;
    private final Duration bookmarkInterval;

    Reads(ResourceStore store, TableView tables) {
        this(store, tables, WatchStream.BOOKMARK_INTERVAL);
    }

    /** Reads whose watches send a BOOKMARK every {@code bookmarkInterval} to clients that allow them. */
    Reads(ResourceStore store, TableView tables, Duration bookmarkInterval) {
        this.store = store;
        this.tables = tables;
        this.bookmarkInterval = bookmarkInterval;
    }

    Reply get(ApiRequest request, Target target) {
        if (request.flag("watch")) {
            // A watch of one object: the list's watch narrowed to its name.
            ListOptions options = listOptions(request, target);
            return watch(request, target, new ListOptions(options.namespace(), options.labels(),
                    Optional.of(target.requireName()), options.fields()));
        }
        ObjectNode object = store.get(target.type(), target.namespaceOrEmpty(), target.requireName())
                .orElseThrow(() -> ApiException.notFound(target.type().storageKey(), target.requireName()));
        if (request.wantsTable()) {
            return Reply.Body.json(200, tables.table(target.kind(), request.tableProfile(), List.of(object), store.resourceVersion()));
        }
        return Reply.Body.json(200, object);
    }

    Reply list(ApiRequest request, Target target) {
        ListOptions options = listOptions(request, target);
        if (request.flag("watch")) {
            return watch(request, target, options);
        }
        ResourceList list = store.list(target.type(), options);
        if (request.wantsTable()) {
            return Reply.Body.json(200, tables.table(target.kind(), request.tableProfile(), list.items(), list.resourceVersion()));
        }
        ObjectNode body = dev.kumo.api.codec.Json.object().put("apiVersion", target.type().apiVersion())
                .put("kind", target.type().listKind());
        body.putObject("metadata").put("resourceVersion", Long.toString(list.resourceVersion()));
        list.items().forEach(body.putArray("items")::add);
        return Reply.Body.json(200, body);
    }

    private Reply watch(ApiRequest request, Target target, ListOptions options) {
        Optional<Long> since = request.param("resourceVersion").filter(v -> !v.isEmpty() && !v.equals("0"))
                .map(Reads::resourceVersion);
        Optional<Duration> timeout = request.param("timeoutSeconds").map(Reads::seconds);
        boolean table = request.wantsTable();
        TableProfile profile = request.tableProfile();
        boolean initialEvents = initialEvents(request);
        return new Reply.Stream(new WatchStream(store, target.type(), new WatchOptions(options,
                initialEvents ? Optional.empty() : since),
                object -> table ? tables.table(target.kind(), profile, List.of(object), resourceVersionOf(object)) : object,
                timeout, request.flag("allowWatchBookmarks") ? Optional.of(bookmarkInterval) : Optional.empty(),
                initialEvents));
    }

    /**
     * Whether a watch asks for its initial events ({@code sendInitialEvents=true}), with what Kubernetes requires
     * beside it: {@code allowWatchBookmarks=true} and {@code resourceVersionMatch=NotOlderThan} (the objects are
     * read now, never older than a resourceVersion given).
     */
    private static boolean initialEvents(ApiRequest request) {
        if (!request.flag("sendInitialEvents")) {
            return false;
        }
        List<FieldError> errors = new ArrayList<>();
        if (!request.param("resourceVersionMatch").orElse("").equals("NotOlderThan")) {
            errors.add(FieldError.forbidden("resourceVersionMatch",
                    "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
        }
        if (!request.flag("allowWatchBookmarks")) {
            errors.add(FieldError.forbidden("allowWatchBookmarks",
                    "sendInitialEvents requires setting allowWatchBookmarks to true"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("ListOptions", "", errors);
        }
        return true;
    }

    static ListOptions listOptions(ApiRequest request, Target target) {
        Optional<String> namespace = target.namespace();
        Optional<String> name = Optional.empty();
        List<FieldMatch> fields = new ArrayList<>();
        for (String term : request.param("fieldSelector").orElse("").split(",")) {
            if (term.isBlank()) {
                continue;
            }
            boolean equal = !term.contains("!=");
            String[] parts = term.split(equal ? "==?" : "!=", 2);
            if (parts.length != 2) {
                throw ApiException.badRequest("invalid fieldSelector term \"" + term + "\": want field=value");
            }
            String field = parts[0].trim();
            String value = parts[1].trim();
            Optional<String> pointer = Optional.ofNullable(target.kind().fieldLabels().get(field));
            if (equal && field.equals("metadata.name")) {
                name = Optional.of(value);
            } else if (equal && field.equals("metadata.namespace") && target.namespace().isEmpty()) {
                namespace = Optional.of(value);
            } else if (equal && field.equals("metadata.namespace")) {
                // A namespaced URL keeps its namespace (the one RBAC authorized): the term only filters within it.
                fields.add(new FieldMatch("/metadata/namespace", value, true));
            } else if (field.equals("metadata.name") || field.equals("metadata.namespace")) {
                fields.add(new FieldMatch("/" + field.replace('.', '/'), value, false));
            } else if (pointer.isPresent()) {
                fields.add(new FieldMatch(pointer.get(), value, equal));
            } else {
                throw ApiException.badRequest("field label not supported: " + field + " (Kumo supports "
                        + supportedFields(target) + ")");
            }
        }
        LabelSelector labels = LabelSelector.parse(request.param("labelSelector").orElse(""));
        return new ListOptions(namespace, labels, name, fields);
    }

    private static String supportedFields(Target target) {
        List<String> labels = new ArrayList<>(List.of("metadata.name", "metadata.namespace"));
        labels.addAll(new java.util.TreeSet<>(target.kind().fieldLabels().keySet()));
        return String.join(", ", labels);
    }

    private static long resourceVersionOf(ObjectNode object) {
        String value = object.path("metadata").path("resourceVersion").asText("0");
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    private static long resourceVersion(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("resourceVersion: Invalid value: \"" + value + "\": must be a number");
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("timeoutSeconds: Invalid value: \"" + value + "\": must be a number");
        }
    }
}
