package dev.kumo.server.eventing;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.events.EventRecorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import dev.kumo.controller.apiserversource.SourceAccess;
import dev.kumo.controller.apiserversource.WatchedNamespaces;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.source.SourceRunner;
import dev.kumo.eventing.filter.EventFilter;
import dev.kumo.eventing.filter.Filters;
import dev.kumo.eventing.filter.InvalidFilterException;
import dev.kumo.eventing.source.apiserver.ApiServerEvents;
import dev.kumo.eventing.source.apiserver.ChangeType;
import dev.kumo.eventing.source.apiserver.EventMode;
import dev.kumo.eventing.source.ping.EventSender;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ApiServerSource reconciler's runner: the source's {@link ApiServerWatches} (per watched resource, its label
 * selector, in the source's namespace or in every namespace its {@code namespaceSelector} matches, following
 * namespaces as they come, go and are relabelled — never one its {@link SourceAccess} does not allow), each change turned into Knative's event by
 * {@link ApiServerEvents} and sent to the sink once (at-least-once is not promised for this source, as Knative's
 * adapter does not). As Knative's informer-based adapter, a (re)started watch first reports every existing object
 * as an add.
 */
final class ApiServerSources implements SourceRunner<ApiServerSource> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServerSources.class);

    /** What a source runs with; a change of any part restarts its watches. */
    private record Running(String uid, ApiServerSourceSpec spec, URI sink, ApiServerWatches watches) {
    }

    private final ResourceStore store;
    private final List<ResourceType> types;
    private final EventSender sender;
    private final URI apiServer;
    private final Clock clock;
    private final SourceAccess access;
    private final Map<NamespacedName, Running> running = new ConcurrentHashMap<>();
    private final EventRecorder recorder;

    ApiServerSources(ResourceStore store, List<ResourceType> types, EventSender sender, URI apiServer, Clock clock,
            SourceAccess access) {
        this(store, types, sender, apiServer, clock, access, EventRecorder.NONE);
    }

    /** Sources whose problems (an event the sink refused, a watch that ended) are recorded through {@code recorder}. */
    ApiServerSources(ResourceStore store, List<ResourceType> types, EventSender sender, URI apiServer, Clock clock,
            SourceAccess access, EventRecorder recorder) {
        this.recorder = recorder;
        this.store = store;
        this.types = List.copyOf(types);
        this.sender = sender;
        this.apiServer = apiServer;
        this.clock = clock;
        this.access = access;
    }

    @Override
    public synchronized Optional<String> run(ApiServerSource source, URI sink) {
        NamespacedName key = new NamespacedName(source.metadata().namespace(), source.metadata().name());
        ApiServerSourceSpec spec = source.spec();
        Running current = running.get(key);
        if (current != null && current.uid().equals(source.metadata().uid()) && current.spec().equals(spec)
                && current.sink().equals(sink)) {
            return Optional.empty();
        }
        List<ResourceType> watched = new ArrayList<>();
        for (int i = 0; i < spec.resourcesOrEmpty().size(); i++) {
            ApiServerSourceSpec.Resource resource = spec.resourcesOrEmpty().get(i);
            Optional<ResourceType> type = types.stream().filter(t -> t.apiVersion().equals(resource.apiVersion())
                    && t.kind().equals(resource.kind())).findFirst();
            if (type.isEmpty()) {
                return Optional.of("spec.resources[" + i + "]: Kumo serves no kind " + resource.kind() + " of "
                        + resource.apiVersion() + "; watch one it serves, e.g. v1 ConfigMap or "
                        + "serving.knative.dev/v1 Service");
            }
            if (access.refuses(source, type.get())) {
                return Optional.of("spec.resources[" + i + "]: the cluster-scoped kind " + resource.kind()
                        + " may not be read (" + SourceAccess.CONFIG_KEY + " is off)");
            }
            watched.add(type.get());
        }
        EventFilter filter;
        try {
            filter = Filters.compile(FilterMapping.toMesh(spec.filters() == null ? List.of() : spec.filters()));
        } catch (InvalidFilterException e) {
            return Optional.of("spec." + e.getMessage());
        }
        remove(key);
        ApiServerEvents events = new ApiServerEvents(apiServer, EventMode.of(spec.mode()), spec.owner() != null);
        List<ApiServerWatches.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < watched.size(); i++) {
            ResourceType type = watched.get(i);
            LabelSelector selector = spec.resourcesOrEmpty().get(i).selector() == null ? LabelSelector.EVERYTHING
                    : spec.resourcesOrEmpty().get(i).selector().toSelector();
            kinds.add(new ApiServerWatches.Kind(type, selector, new Sending(key, type, spec, events, filter, sink)));
        }
        // The reconciler refuses a source selecting other namespaces; this holds until it has seen a new one.
        ApiServerWatches watches = ApiServerWatches.start(store, key.toString(), kinds, key.namespace(),
                WatchedNamespaces.selector(spec), namespace -> access.mayRead(source, namespace));
        running.put(key, new Running(source.metadata().uid(), spec, sink, watches));
        return Optional.empty();
    }

    @Override
    public synchronized void remove(NamespacedName source) {
        Running stopped = running.remove(source);
        if (stopped != null) {
            stopped.watches().stop();
        }
    }

    /** The namespaces {@code source} watches now (none when it does not run). */
    synchronized Set<String> namespaces(NamespacedName source) {
        Running current = running.get(source);
        return current == null ? Set.of() : current.watches().namespaces();
    }

    /** Stops every watch. */
    synchronized void close() {
        List.copyOf(running.keySet()).forEach(this::remove);
    }

    /** One watch's listener: each change that passes the owner and event filters is sent to the sink. */
    private final class Sending implements WatchListener {

        private final NamespacedName source;
        private final ResourceType type;
        private final ApiServerSourceSpec spec;
        private final ApiServerEvents events;
        private final EventFilter filter;
        private final URI sink;

        Sending(NamespacedName source, ResourceType type, ApiServerSourceSpec spec, ApiServerEvents events,
                EventFilter filter, URI sink) {
            this.source = source;
            this.type = type;
            this.spec = spec;
            this.events = events;
            this.filter = filter;
            this.sink = sink;
        }

        @Override
        public void onEvent(WatchEvent event) {
            ChangeType change = switch (event.type()) {
                case ADDED -> ChangeType.ADD;
                case MODIFIED -> ChangeType.UPDATE;
                case DELETED -> ChangeType.DELETE;
                case BOOKMARK -> null;
            };
            if (change == null || !ownedAsAsked(event.object())) {
                return;
            }
            CloudEvent cloudEvent = events.event(change, type.plural(), event.object(), OffsetDateTime.now(clock));
            if (!filter.test(cloudEvent)) {
                return;
            }
            sender.send(sink, cloudEvent).whenComplete((status, error) -> {
                if (error != null || status / 100 != 2) {
                    String why = error != null ? error.getMessage() : "HTTP " + status;
                    LOG.warn("ApiServerSource {}: event {} not delivered to {}: {}", source, cloudEvent.getType(),
                            sink, why);
                    // Not about an Event: the record would be an Event this source watches, sent to the failing
                    // sink, failing again — a loop.
                    if (!isEvent(type)) {
                        recorder.warning(about(), "DeliveryFailed", "Event " + cloudEvent.getType()
                                + " not delivered to " + sink + ": " + why);
                    }
                }
            });
        }

        @Override
        public void closed(Optional<ApiException> reason) {
            reason.ifPresent(e -> {
                LOG.warn("ApiServerSource {}: the watch of {} ended ({}); it restarts when the source is reconciled "
                        + "again", source, type.plural(), e.getMessage());
                recorder.warning(about(), "WatchEnded", "The watch of " + type.plural() + " ended ("
                        + e.getMessage() + "); it restarts when the source is reconciled again");
            });
        }

        private static boolean isEvent(ResourceType type) {
            return type.equals(ResourceTypes.EVENT) || type.equals(ResourceTypes.EVENTS_V1_EVENT);
        }

        private dev.kumo.api.events.ObjectReference about() {
            return EventRecorder.about(ResourceTypes.API_SERVER_SOURCE, source.namespace(), source.name());
        }

        /** With {@code spec.owner}, only objects controlled by an owner of that kind count (Knative's filter). */
        private boolean ownedAsAsked(ObjectNode object) {
            if (spec.owner() == null) {
                return true;
            }
            for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
                if (owner.path("controller").asBoolean(false)
                        && owner.path("kind").asText().equals(spec.owner().kind())
                        && owner.path("apiVersion").asText().equals(spec.owner().apiVersion())) {
                    return true;
                }
            }
            return false;
        }
    }
}
