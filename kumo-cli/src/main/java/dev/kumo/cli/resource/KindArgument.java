package dev.kumo.cli.resource;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.base.CliException;
import dev.kumo.cli.client.KindCatalog;

/** Resolves the KIND argument of {@code get} and {@code delete}, naming the known kinds when it fails. */
final class KindArgument {

    private KindArgument() {
    }

    static ResourceType resolve(String kind) {
        return KindCatalog.resolve(kind).orElseThrow(() -> new CliException(
                "the server doesn't have a resource type \"" + kind + "\"",
                "Known kinds: " + KindCatalog.summary() + "."));
    }
}
