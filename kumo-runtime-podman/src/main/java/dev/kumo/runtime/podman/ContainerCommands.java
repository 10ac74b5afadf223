package dev.kumo.runtime.podman;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.kumo.runtime.spi.VariableReferences;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' command and args over an image's entrypoint and cmd, in libpod's SpecGenerator, their {@code $(VAR)}
 * references expanded with the container's variables as the kubelet does.
 */
final class ContainerCommands {

    private ContainerCommands() {
    }

    /** {@code command} replaces the entrypoint, {@code args} the cmd; each empty: the image's own. */
    static JsonObject apply(JsonObject container, List<String> declaredCommand, List<String> declaredArgs,
            Map<String, String> env) {
        List<String> command = VariableReferences.expand(declaredCommand, env);
        List<String> args = VariableReferences.expand(declaredArgs, env);
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
