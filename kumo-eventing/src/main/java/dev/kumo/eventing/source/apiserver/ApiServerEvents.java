package dev.kumo.eventing.source.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Builds the event Knative's ApiServerSource adapter sends for one change: type
 * {@code dev.knative.apiserver.{ref|resource}.{add|update|delete}}, source = the API server's URL, subject = the
 * object's path, extensions {@code kind}, {@code name}, {@code namespace}, and as JSON data either a reference
 * ({@code apiVersion, kind, name, namespace} — of the controlling owner when asked) or the whole object, a Secret
 * without its data ({@link SecretData}).
 */
public final class ApiServerEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI apiServer;
    private final EventMode mode;
    private final boolean ownerReference;

    /**
     * @param apiServer the URL events name as their source (the Kumo API server's)
     * @param mode what the data carries
     * @param ownerReference in Reference mode, refer to the object's controlling owner when it has one
     */
    public ApiServerEvents(URI apiServer, EventMode mode, boolean ownerReference) {
        this.apiServer = apiServer;
        this.mode = mode;
        this.ownerReference = ownerReference;
    }

    /** The event for a change of {@code object} (served at {@code plural} in its group/version). */
    public CloudEvent event(ChangeType change, String plural, JsonNode object, OffsetDateTime time) {
        JsonNode metadata = object.path("metadata");
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = metadata.path("name").asText();
        String namespace = metadata.path("namespace").asText();
        JsonNode data = mode == EventMode.RESOURCE ? SecretData.withheld(object) : reference(object, apiVersion, kind, name, namespace);
        try {
            return CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(apiServer)
                    .withType("dev.knative.apiserver." + mode.typeSegment() + "." + change.eventName())
                    .withSubject(path(apiVersion, namespace, plural, name))
                    .withTime(time)
                    .withExtension("kind", kind)
                    .withExtension("name", name)
                    .withExtension("namespace", namespace)
                    .withData("application/json", JSON.writeValueAsBytes(data))
                    .build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("writing the event data of " + kind + " " + name, e);
        }
    }

    private JsonNode reference(JsonNode object, String apiVersion, String kind, String name, String namespace) {
        ObjectNode ref = JSON.createObjectNode();
        JsonNode owner = ownerReference ? controller(object) : null;
        ref.put("apiVersion", owner != null ? owner.path("apiVersion").asText() : apiVersion);
        ref.put("kind", owner != null ? owner.path("kind").asText() : kind);
        ref.put("name", owner != null ? owner.path("name").asText() : name);
        ref.put("namespace", namespace);
        return ref;
    }

    private static JsonNode controller(JsonNode object) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("controller").asBoolean(false)) {
                return owner;
            }
        }
        return null;
    }

    /** The object's API path, as Kubernetes' selfLink was: {@code /apis/GROUP/VERSION/namespaces/NS/PLURAL/NAME}. */
    static String path(String apiVersion, String namespace, String plural, String name) {
        String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return prefix + (namespace.isEmpty() ? "" : "/namespaces/" + namespace) + "/" + plural + "/" + name;
    }
}
