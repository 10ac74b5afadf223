package dev.kumo.cli.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.cli.session.Session;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Waits for a BuildRun to start or to end, by watching it; answers what it is then. */
final class BuildRunWait {

    private static final Duration WATCH_RENEWAL = Duration.ofMinutes(5);

    private BuildRunWait() {
    }

    /** The run once its Succeeded condition is True or False. */
    static ObjectNode await(Session session, String namespace, String name) {
        return awaitUntil(session, namespace, name, BuildRunWait::done);
    }

    /**
     * The run once the server took it up (it has a Succeeded condition, whatever its status): from then its log
     * exists, so following it shows the lines rather than ending at once.
     */
    static ObjectNode awaitStarted(Session session, String namespace, String name) {
        return awaitUntil(session, namespace, name, run -> !succeeded(run).isMissingNode());
    }

    private static ObjectNode awaitUntil(Session session, String namespace, String name,
            java.util.function.Predicate<JsonNode> done) {
        AtomicReference<ObjectNode> last = new AtomicReference<>();
        while (true) {
            ObjectNode current = session.client().get(ShipwrightTypes.BUILD_RUN, namespace, name);
            if (done.test(current)) {
                return current;
            }
            String version = current.path("metadata").path("resourceVersion").asText();
            boolean ended = session.client().watch(ShipwrightTypes.BUILD_RUN, namespace, name, version,
                    WATCH_RENEWAL, object -> {
                        last.set(object);
                        return done.test(object);
                    });
            if (ended) {
                return last.get();
            }
        }
    }

    /** The run's Succeeded condition, or a missing node. */
    static JsonNode succeeded(JsonNode run) {
        for (JsonNode condition : run.path("status").path("conditions")) {
            if (condition.path("type").asText().equals("Succeeded")) {
                return condition;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static boolean done(JsonNode run) {
        String status = succeeded(run).path("status").asText();
        return status.equals("True") || status.equals("False");
    }
}
