package dev.kumo.store;

import java.util.Optional;

/** What to watch: a filter, and the resourceVersion to resume after (empty = send current objects first). */
public record WatchOptions(ListOptions filter, Optional<Long> sinceResourceVersion) {
}
