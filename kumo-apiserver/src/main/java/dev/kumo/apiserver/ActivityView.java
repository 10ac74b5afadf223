package dev.kumo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where {@code GET /apis/serving.kumo.dev/v1alpha1/[namespaces/NS/]activity} reads from: each Revision's requests
 * per second over the last minutes and its recent cold starts with their split, as a {@code RevisionActivity}
 * document (the dashboard's live rates). Called on a worker thread.
 */
@FunctionalInterface
public interface ActivityView {

    /** The recent activity of the Revisions in {@code namespace} (every namespace when empty). */
    JsonNode activity(Optional<String> namespace);
}
