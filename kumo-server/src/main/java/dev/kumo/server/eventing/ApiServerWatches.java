package dev.kumo.server.eventing;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store watches of one running ApiServerSource: for each watched kind, one watch per watched namespace (one
 * cluster-wide for a cluster-scoped kind, as Knative's adapter). Without a namespace selector the namespace is the
 * source's own. With one, a watch of the Namespaces matching it follows the set: the store reports a namespace that
 * starts matching (created, or relabelled into the selection) as ADDED, which opens its watches — each first reports
 * the namespace's existing objects as adds, as a new informer would — and one that stops matching (relabelled out,
 * or deleted) as DELETED, which closes them; changes their watches had not delivered by then are not sent (so the
 * deletes of objects removed with their namespace may be missing).
 */
final class ApiServerWatches {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServerWatches.class);

    /** One watched kind: its label selector and the listener its changes go to. */
    record Kind(ResourceType type, LabelSelector labels, WatchListener listener) {
    }

    private final ResourceStore store;
    private final String source;
    private final List<Kind> kinds;
    private final Predicate<String> readable;
    private final List<Watch> clusterWide = new ArrayList<>();
    private final Map<String, List<Watch>> byNamespace = new HashMap<>();
    private Watch namespaces;
    private boolean stopped;

    private ApiServerWatches(ResourceStore store, String source, List<Kind> kinds, Predicate<String> readable) {
        this.store = store;
        this.source = source;
        this.kinds = List.copyOf(kinds);
        this.readable = readable;
    }

    /**
     * Starts watching {@code kinds} for the source {@code source} (for logs) in {@code own} namespace, or, with a
     * {@code selector}, in every namespace it matches from now on; never in a namespace not {@code readable}.
     */
    static ApiServerWatches start(ResourceStore store, String source, List<Kind> kinds, String own,
            Optional<LabelSelector> selector, Predicate<String> readable) {
        ApiServerWatches watches = new ApiServerWatches(store, source, kinds, readable);
        watches.begin(own, selector);
        return watches;
    }

    /** The namespaces being watched now. */
    synchronized Set<String> namespaces() {
        return new TreeSet<>(byNamespace.keySet());
    }

    /** Closes every watch; nothing opens afterwards. */
    synchronized void stop() {
        stopped = true;
        if (namespaces != null) {
            namespaces.close();
        }
        clusterWide.forEach(Watch::close);
        byNamespace.values().forEach(watches -> watches.forEach(Watch::close));
        byNamespace.clear();
    }

    private synchronized void begin(String own, Optional<LabelSelector> selector) {
        for (Kind kind : kinds) {
            if (!kind.type().namespaced()) {
                clusterWide.add(watch(kind, Optional.empty()));
            }
        }
        if (selector.isEmpty()) {
            open(own);
        } else {
            namespaces = store.watch(ResourceTypes.NAMESPACE, new WatchOptions(new ListOptions(Optional.empty(),
                    selector.get(), Optional.empty()), Optional.empty()), new Following());
        }
    }

    private synchronized void open(String namespace) {
        if (stopped || byNamespace.containsKey(namespace) || !readable.test(namespace)) {
            return;
        }
        List<Watch> watches = new ArrayList<>();
        for (Kind kind : kinds) {
            if (kind.type().namespaced()) {
                watches.add(watch(kind, Optional.of(namespace)));
            }
        }
        byNamespace.put(namespace, watches);
    }

    private synchronized void close(String namespace) {
        List<Watch> watches = byNamespace.remove(namespace);
        if (watches != null) {
            watches.forEach(Watch::close);
        }
    }

    private Watch watch(Kind kind, Optional<String> namespace) {
        return store.watch(kind.type(), new WatchOptions(new ListOptions(namespace, kind.labels(), Optional.empty()),
                Optional.empty()), kind.listener());
    }

    /** The selected Namespaces' watch: a namespace that enters the selection is watched, one that leaves is not. */
    private final class Following implements WatchListener {

        @Override
        public void onEvent(WatchEvent event) {
            String namespace = event.object().path("metadata").path("name").asText();
            switch (event.type()) {
                case ADDED -> open(namespace);
                case DELETED -> close(namespace);
                case MODIFIED, BOOKMARK -> {
                    // Still selected: its watches carry on.
                }
            }
        }

        @Override
        public void closed(Optional<ApiException> reason) {
            reason.ifPresent(e -> LOG.warn("ApiServerSource {}: the watch of its selected namespaces ended ({}); the "
                    + "set stops following namespace changes until the source changes", source, e.getMessage()));
        }
    }
}
