package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.FieldValidation;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.DeleteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** POST, PUT (object and status) and DELETE (object and collection), writes admitted by {@link AdmittingStore}. */
final class Writes {

    private final AdmittingStore store;

    Writes(AdmittingStore store) {
        this.store = store;
    }

    Reply create(ApiRequest request, Target target) {
        ObjectNode body = RequestBodies.object(request);
        defaultTypeMeta(body, target);
        placeInNamespace(body, target);
        return create(request, target, body);
    }

    /** Admits and stores a new object (also the create half of server-side apply). */
    Reply create(ApiRequest request, Target target, ObjectNode body) {
        requireNamespaceExists(target);
        Admitted admitted = store.admit(target.type(), body, Optional.empty(), fieldValidation(request));
        if (dryRun(request)) {
            return Reply.Body.json(201, admitted.object(), admitted.warnings());
        }
        return Reply.Body.json(201, WriteLog.logged("created", target.type(), store.create(target.type(), admitted)),
                admitted.warnings());
    }

    Reply update(ApiRequest request, Target target) {
        ObjectNode body = RequestBodies.object(request);
        defaultTypeMeta(body, target);
        placeInNamespace(body, target);
        String name = target.requireName();
        String bodyName = body.path("metadata").path("name").asText("");
        if (!bodyName.equals(name)) {
            throw ApiException.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + name + ")");
        }
        ObjectNode existing = existing(target);
        if (target.isStatus()) {
            return Reply.Body.json(200, store.updateStatus(target.type(), body));
        }
        return update(request, target, body, existing);
    }

    /** Admits a changed object against the stored one and stores it. */
    Reply update(ApiRequest request, Target target, ObjectNode changed, ObjectNode existing) {
        Admitted admitted = store.admit(target.type(), changed, Optional.of(existing), fieldValidation(request));
        if (dryRun(request)) {
            return Reply.Body.json(200, admitted.object(), admitted.warnings());
        }
        return Reply.Body.json(200, WriteLog.logged("updated", target.type(), store.update(target.type(), admitted)),
                admitted.warnings());
    }

    Reply delete(ApiRequest request, Target target) {
        NamespaceDeletion.check(target);
        DeleteOptions options = deleteOptions(request);
        if (dryRun(request)) {
            return Reply.Body.json(200, existing(target));
        }
        return Reply.Body.json(200, WriteLog.logged("deleted", target.type(), store.delete(target.type(),
                target.namespaceOrEmpty(), target.requireName(), options)));
    }

    Reply deleteCollection(ApiRequest request, Target target) {
        NamespaceDeletion.checkCollection(target);
        DeleteOptions options = deleteOptions(request);
        List<ObjectNode> deleted = new ArrayList<>();
        for (ObjectNode object : store.list(target.type(), Reads.listOptions(request, target)).items()) {
            JsonNode metadata = object.path("metadata");
            try {
                deleted.add((ObjectNode) WriteLog.logged("deleted", target.type(), store.delete(target.type(),
                        metadata.path("namespace").asText(""), metadata.path("name").asText(), options)));
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        ObjectNode body = dev.kumo.api.codec.Json.object().put("apiVersion", target.type().apiVersion())
                .put("kind", target.type().listKind());
        body.putObject("metadata").put("resourceVersion", Long.toString(store.resourceVersion()));
        deleted.forEach(body.putArray("items")::add);
        return Reply.Body.json(200, body);
    }

    ObjectNode existing(Target target) {
        return store.get(target.type(), target.namespaceOrEmpty(), target.requireName())
                .orElseThrow(() -> ApiException.notFound(target.type().storageKey(), target.requireName()));
    }

    /** Puts the object in the request's namespace, refusing a body that names another one. */
    /**
     * An object sent without {@code apiVersion} or {@code kind} is of the endpoint's kind, as Kubernetes decodes it
     * (the official Java client sends typed objects without them); one that names them is checked by admission.
     */
    static void defaultTypeMeta(ObjectNode body, Target target) {
        if (body.path("apiVersion").asText("").isEmpty()) {
            body.put("apiVersion", target.type().apiVersion());
        }
        if (body.path("kind").asText("").isEmpty()) {
            body.put("kind", target.type().kind());
        }
    }

    static void placeInNamespace(ObjectNode body, Target target) {
        JsonNode given = body.path("metadata");
        if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
            throw ApiException.badRequest(target.type().kind() + " in version \""
                    + target.type().apiVersion() + "\" cannot be handled: metadata: wrong type: expected an "
                    + "object such as {\"name\": \"NAME\"}, got " + given.getNodeType().name().toLowerCase());
        }
        ObjectNode metadata = body.withObjectProperty("metadata");
        if (!target.type().namespaced()) {
            metadata.remove("namespace");
            return;
        }
        String namespace = target.namespace().orElseThrow(() -> ApiException.badRequest(
                "a namespace is required to create " + target.type().plural()));
        String declared = metadata.path("namespace").asText("");
        if (!declared.isEmpty() && !declared.equals(namespace)) {
            throw ApiException.badRequest("the namespace of the provided object (" + declared
                    + ") does not match the namespace sent on the request (" + namespace + ")");
        }
        metadata.put("namespace", namespace);
    }

    private void requireNamespaceExists(Target target) {
        if (target.type().namespaced()
                && store.get(ResourceTypes.NAMESPACE, "", target.namespaceOrEmpty()).isEmpty()) {
            throw ApiException.notFound("namespaces", target.namespaceOrEmpty());
        }
    }

    static FieldValidation fieldValidation(ApiRequest request) {
        return FieldValidation.parse(request.param("fieldValidation").orElse(""));
    }

    static boolean dryRun(ApiRequest request) {
        return request.param("dryRun").filter("All"::equals).isPresent();
    }

    private static DeleteOptions deleteOptions(ApiRequest request) {
        Optional<String> policy = request.param("propagationPolicy");
        Optional<String> uid = Optional.empty();
        Optional<String> resourceVersion = Optional.empty();
        if (request.body().length > 0) {
            JsonNode body = RequestBodies.json(request);
            policy = policy.or(() -> Optional.ofNullable(body.path("propagationPolicy").textValue()));
            if (body.path("orphanDependents").asBoolean(false)) {
                policy = Optional.of("Orphan");
            }
            uid = Optional.ofNullable(body.path("preconditions").path("uid").textValue());
            resourceVersion = Optional.ofNullable(body.path("preconditions").path("resourceVersion").textValue());
        }
        DeleteOptions.Propagation propagation = switch (policy.orElse("Background")) {
            case "Background" -> DeleteOptions.Propagation.Background;
            case "Foreground" -> DeleteOptions.Propagation.Foreground;
            case "Orphan" -> DeleteOptions.Propagation.Orphan;
            default -> throw ApiException.badRequest("propagationPolicy: Unsupported value: \"" + policy.get()
                    + "\": supported values: \"Background\", \"Foreground\", \"Orphan\"");
        };
        return new DeleteOptions(uid, resourceVersion, propagation);
    }
}
