package dev.kumo.controller.configuration.resources;

import dev.kumo.api.serving.Configuration;

/** Names of the Revisions a Configuration stamps out. */
public final class RevisionNames {

    private RevisionNames() {
    }

    /** The template's bring-your-own name, else {@code <configuration>-<generation as %05d>}. */
    public static String forGeneration(Configuration configuration) {
        return configuration.spec().template().byoName()
                .orElseGet(() -> String.format("%s-%05d", configuration.metadata().name(), generation(configuration)));
    }

    static long generation(Configuration configuration) {
        Long generation = configuration.metadata().generation();
        return generation == null ? 1 : generation;
    }
}
