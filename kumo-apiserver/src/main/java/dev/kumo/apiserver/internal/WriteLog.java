package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The server's log of what clients changed, one line per object created, updated or deleted through the API (not
 * status writes, not dry runs), with the object's namespace, name and kind in the MDC for {@code --log-format json}.
 */
final class WriteLog {

    private static final Logger LOG = LoggerFactory.getLogger(WriteLog.class);

    private WriteLog() {
    }

    /** Logs {@code verb} ("created", "updated", "deleted") of {@code object}, then returns it. */
    static JsonNode logged(String verb, ResourceType type, JsonNode object) {
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        String name = metadata.path("name").asText("");
        try (var ns = MDC.putCloseable("namespace", namespace);
             var named = MDC.putCloseable("name", name);
             var kind = MDC.putCloseable("kind", type.kind())) {
            LOG.info("{} {} {}{}", verb, type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group(),
                    namespace.isEmpty() ? "" : namespace + "/", name);
        }
        return object;
    }
}
