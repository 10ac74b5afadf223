package dev.kumo.cli.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.KindCatalog;
import java.util.Optional;

/**
 * Where a manifest's object lives on the server: its kind, namespace and name. The namespace is {@code -n}'s, else
 * the manifest's, else {@code default}; {@code -n} and a different namespace in the manifest is an error, as in
 * kubectl.
 *
 * @param type the object's kind
 * @param namespace its namespace; empty for cluster-scoped kinds
 * @param name its name
 */
public record ManifestTarget(ResourceType type, String namespace, String name) {

    /** Resolves where a manifest's object goes, failing with a message that names the manifest. */
    public static ManifestTarget of(Manifest manifest, Optional<String> namespaceFlag, String defaultNamespace) {
        JsonNode object = manifest.object();
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new CliException(manifest.location() + ": apiVersion and kind are required");
        }
        ResourceType type = KindCatalog.forManifest(apiVersion, kind).orElseThrow(() -> new CliException(
                manifest.location() + ": kumo does not know the kind " + kind + " in " + apiVersion,
                "Known kinds: " + KindCatalog.summary() + "."));
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty() && !object.path("metadata").path("generateName").asText("").isEmpty()) {
            throw new CliException(manifest.location() + ": metadata.generateName cannot be used with apply (every "
                    + "apply would make a new object)", "Set metadata.name, or create it once with 'kubectl create -f'.");
        }
        if (name.isEmpty()) {
            throw new CliException(manifest.location() + ": metadata.name is required");
        }
        if (!type.namespaced()) {
            return new ManifestTarget(type, "", name);
        }
        String declared = object.path("metadata").path("namespace").asText("");
        if (namespaceFlag.isPresent() && !declared.isEmpty() && !declared.equals(namespaceFlag.get())) {
            throw new CliException(manifest.location() + ": the namespace from the provided object \"" + declared
                    + "\" does not match the namespace \"" + namespaceFlag.get() + "\"",
                    "Pass '-n " + declared + "' or remove metadata.namespace from the manifest.");
        }
        String namespace = namespaceFlag.orElse(declared.isEmpty() ? defaultNamespace : declared);
        return new ManifestTarget(type, namespace, name);
    }

    /** {@code service.serving.knative.dev/hello}, as kubectl names objects. */
    public String displayName() {
        return KindCatalog.qualifiedName(type) + "/" + name;
    }
}
