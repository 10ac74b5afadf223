package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import java.util.function.Consumer;

/** Object trees for store tests, built from a kind, a name and small options: {@code service("ns", "a", label(…))}. */
public final class TestObjects {

    /** A change to an object under construction. */
    public interface Option extends Consumer<ObjectNode> {
    }

    private TestObjects() {
    }

    public static ObjectNode object(ResourceType type, String namespace, String name, Option... options) {
        ObjectNode object = Json.object();
        object.put("apiVersion", type.apiVersion());
        object.put("kind", type.kind());
        ObjectNode metadata = object.putObject("metadata");
        if (!name.isEmpty()) {
            metadata.put("name", name);
        }
        if (!namespace.isEmpty()) {
            metadata.put("namespace", namespace);
        }
        for (Option option : options) {
            option.accept(object);
        }
        return object;
    }

    public static ObjectNode service(String namespace, String name, Option... options) {
        ObjectNode service = object(ResourceTypes.SERVICE, namespace, name);
        service.putObject("spec").putObject("template").putObject("spec").putArray("containers").addObject()
                .put("image", "example.com/hello:1");
        return apply(service, options);
    }

    public static ObjectNode configuration(String namespace, String name, Option... options) {
        ObjectNode configuration = object(ResourceTypes.CONFIGURATION, namespace, name);
        configuration.putObject("spec").putObject("template").putObject("spec");
        return apply(configuration, options);
    }

    public static ObjectNode revision(String namespace, String name, Option... options) {
        ObjectNode revision = object(ResourceTypes.REVISION, namespace, name);
        revision.putObject("spec").put("containerConcurrency", 0);
        return apply(revision, options);
    }

    public static ObjectNode configMap(String namespace, String name, Option... options) {
        ObjectNode configMap = object(ResourceTypes.CONFIGMAP, namespace, name);
        configMap.putObject("data").put("key", "value");
        return apply(configMap, options);
    }

    public static ObjectNode namespace(String name, Option... options) {
        return object(ResourceTypes.NAMESPACE, "", name, options);
    }

    public static Option label(String key, String value) {
        return object -> meta(object).withObjectProperty("labels").put(key, value);
    }

    public static Option finalizers(String... finalizers) {
        return object -> {
            ArrayNode list = meta(object).putArray("finalizers");
            for (String finalizer : finalizers) {
                list.add(finalizer);
            }
        };
    }

    /** An ownerReference to {@code owner}, which must have been created (it needs a uid). */
    public static Option ownedBy(ObjectNode owner) {
        return object -> meta(object).withArrayProperty("ownerReferences").addObject()
                .put("apiVersion", owner.path("apiVersion").asText())
                .put("kind", owner.path("kind").asText())
                .put("name", name(owner))
                .put("uid", uid(owner))
                .put("controller", true);
    }

    public static Option generateName(String prefix) {
        return object -> meta(object).put("generateName", prefix);
    }

    /** Sets {@code spec.<field>}. */
    public static Option spec(String field, String value) {
        return object -> object.withObjectProperty("spec").put(field, value);
    }

    /** Sets {@code status.<field>}. */
    public static Option status(String field, String value) {
        return object -> object.withObjectProperty("status").put(field, value);
    }

    public static ObjectNode meta(ObjectNode object) {
        return object.withObjectProperty("metadata");
    }

    public static String name(ObjectNode object) {
        return object.path("metadata").path("name").asText();
    }

    public static String uid(ObjectNode object) {
        return object.path("metadata").path("uid").asText();
    }

    public static String resourceVersion(ObjectNode object) {
        return object.path("metadata").path("resourceVersion").asText();
    }

    public static long generation(ObjectNode object) {
        return object.path("metadata").path("generation").asLong();
    }

    /** A copy of {@code object} with the options applied, as a client would edit what it read. */
    public static ObjectNode edited(ObjectNode object, Option... options) {
        return apply(object.deepCopy(), options);
    }

    private static ObjectNode apply(ObjectNode object, Option... options) {
        for (Option option : options) {
            option.accept(object);
        }
        return object;
    }
}
