package dev.kumo.runtime.podman;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Kubernetes' command and args over an image's entrypoint and cmd, in libpod's SpecGenerator. */
final class ContainerCommands {

    private ContainerCommands() {
    }

    /** {@code command} replaces the entrypoint, {@code args} the cmd; each empty: the image's own. */
    static JsonObject apply(JsonObject container, List<String> command, List<String> args) {
        if (!command.isEmpty()) {
            container.put("entrypoint", new JsonArray(command));
            // Kubernetes: a command without args drops the image's cmd too.
            container.put("command", new JsonArray(args));
        } else if (!args.isEmpty()) {
            container.put("command", new JsonArray(args));
        }
        return container;
    }
}
