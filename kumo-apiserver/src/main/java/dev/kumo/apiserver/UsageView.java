package dev.kumo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * Where {@code GET /apis/usage.kumo.dev/v1alpha1/[namespaces/NS/]usage?since=24h} reads from: the metered usage of
 * each Service's Revisions over the period before now, as a {@code UsageReport} document. Called on a worker thread.
 */
@FunctionalInterface
public interface UsageView {

    /** The usage in {@code namespace} (every namespace when empty) over the {@code period} up to now. */
    JsonNode report(Optional<String> namespace, Duration period);
}
