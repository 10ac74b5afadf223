package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.apiextensions.ApiExtensionsKinds;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.Manifests;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.ResourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CustomResourceDefinitions of the Knative (and Shipwright) kinds Kumo serves, read from their published CRD YAML checked in
 * under {@code crds/} (see its README for the release each file comes from), cut down to the versions Kumo serves
 * and without the conversion webhook; their OpenAPI v3 schemas are what {@code /openapi/v3} and {@code /openapi/v2}
 * serve and what {@code kubectl explain} walks.
 */
final class KnativeCrds {

    /** The checked-in files, one CustomResourceDefinition each. */
    static final List<String> FILES = List.of("service.yaml", "configuration.yaml", "revision.yaml", "route.yaml",
            "domain-mapping.yaml",
            "broker.yaml", "trigger.yaml", "eventtype.yaml", "pingsource.yaml", "apiserversource.yaml", "sinkbindings.yaml",
            "containersource.yaml", "channel.yaml", "in-memory-channel.yaml", "subscription.yaml", "sequence.yaml",
            "parallel.yaml", "shipwright-build.yaml", "shipwright-buildrun.yaml",
            "shipwright-clusterbuildstrategy.yaml");

    private final Map<ResourceType, ObjectNode> definitions;

    private KnativeCrds(Map<ResourceType, ObjectNode> definitions) {
        this.definitions = definitions;
    }

    /** The definitions of those of {@code served} that Knative publishes a CRD for. */
    static KnativeCrds of(List<ResourceType> served) {
        Map<ResourceType, ObjectNode> definitions = new LinkedHashMap<>();
        for (String file : FILES) {
            ObjectNode crd = read(file);
            String group = crd.path("spec").path("group").asText();
            String plural = crd.path("spec").path("names").path("plural").asText();
            served.stream().filter(t -> t.group().equals(group) && t.plural().equals(plural)).findFirst()
                    .ifPresent(type -> definitions.put(type, asServed(crd, type)));
        }
        return new KnativeCrds(definitions);
    }

    List<ObjectNode> all() {
        return definitions.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** The OpenAPI v3 schema of {@code type}'s served version, if Knative publishes one. */
    Optional<ObjectNode> schema(ResourceType type) {
        return Optional.ofNullable(definitions.get(type))
                .map(crd -> (ObjectNode) crd.path("spec").path("versions").get(0).path("schema")
                        .path("openAPIV3Schema").deepCopy());
    }

    /**
     * Puts the definitions into {@code store} (not through admission, which refuses CRD writes), replacing ones a
     * previous Kumo left that differ; an unchanged definition keeps its resourceVersion.
     */
    void install(ResourceStore store) {
        ResourceType type = ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION;
        for (ObjectNode crd : all()) {
            String name = crd.path("metadata").path("name").asText();
            Optional<ObjectNode> stored = store.get(type, "", name);
            if (stored.isEmpty()) {
                store.create(type, crd);
            } else if (!stored.get().path("spec").equals(crd.path("spec"))
                    || !stored.get().path("status").equals(crd.path("status"))) {
                ObjectNode replacement = stored.get().deepCopy();
                replacement.set("spec", crd.path("spec"));
                replacement.set("status", crd.path("status"));
                store.update(type, replacement);
            }
        }
    }

    private static ObjectNode asServed(ObjectNode published, ResourceType type) {
        ObjectNode crd = Json.object().put("apiVersion", "apiextensions.k8s.io/v1")
                .put("kind", "CustomResourceDefinition");
        ObjectNode metadata = crd.putObject("metadata").put("name", type.plural() + "." + type.group());
        copy(published.path("metadata"), metadata, "labels", "annotations");
        ObjectNode spec = published.path("spec").deepCopy();
        spec.remove("conversion");
        ArrayNode versions = spec.putArray("versions");
        for (JsonNode version : published.path("spec").path("versions")) {
            if (version.path("name").asText().equals(type.version())) {
                versions.add(((ObjectNode) version.deepCopy()).put("served", true).put("storage", true));
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("crds/ has no " + type.version() + " of " + type.kind());
        }
        crd.set("spec", spec);
        ObjectNode status = crd.putObject("status");
        status.set("acceptedNames", spec.path("names").deepCopy());
        ArrayNode conditions = status.putArray("conditions");
        for (String condition : List.of("NamesAccepted", "Established")) {
            conditions.addObject().put("type", condition).put("status", "True")
                    .put("reason", condition.equals("Established") ? "InitialNamesAccepted" : "NoConflicts")
                    .put("message", "built into Kumo");
        }
        status.putArray("storedVersions").add(type.version());
        return crd;
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field).deepCopy());
            }
        }
    }

    private static ObjectNode read(String file) {
        try (InputStream in = KnativeCrds.class.getResourceAsStream("/crds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("crds/" + file + " is missing from the class path");
            }
            List<ObjectNode> documents = new ArrayList<>(
                    Manifests.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            return documents.stream().filter(d -> d.path("kind").asText().equals("CustomResourceDefinition"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("crds/" + file + " holds no CRD"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading crds/" + file, e);
        }
    }
}
