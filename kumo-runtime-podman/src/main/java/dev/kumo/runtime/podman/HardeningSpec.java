package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.Hardening;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * A container's securityContext beyond the user, in libpod's SpecGenerator: a read-only root file system,
 * {@code no_new_privileges} when privilege escalation is not allowed, and the capabilities dropped and added
 * (Kubernetes spells them without {@code CAP_}; podman wants it, {@code ALL} excepted).
 */
final class HardeningSpec {

    private HardeningSpec() {
    }

    /** Puts the settings that differ from podman's defaults into {@code container}. */
    static JsonObject apply(JsonObject container, Hardening hardening) {
        if (hardening.readOnlyRootFilesystem()) {
            container.put("read_only_filesystem", true);
        }
        if (!hardening.allowPrivilegeEscalation()) {
            container.put("no_new_privileges", true);
        }
        if (!hardening.capabilitiesDrop().isEmpty()) {
            container.put("cap_drop", capabilities(hardening.capabilitiesDrop()));
        }
        if (!hardening.capabilitiesAdd().isEmpty()) {
            container.put("cap_add", capabilities(hardening.capabilitiesAdd()));
        }
        return container;
    }

    private static JsonArray capabilities(List<String> names) {
        return new JsonArray(names.stream().map(name -> name.toUpperCase(Locale.ROOT)).map(name ->
                name.equals("ALL") || name.startsWith("CAP_") ? name : "CAP_" + name).toList());
    }
}
