package dev.kumo.controller.duck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.controller.engine.Controller;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a Destination to a URI as Knative's {@code resolver.URIResolver} does: a {@code uri} alone must be
 * absolute; a {@code ref} resolves to the referenced object's {@code status.address.url} (a Knative Service's
 * {@code status.url} when it has no address), and a {@code uri} beside it is resolved relative to that address.
 * The addressable kinds Kumo serves are Knative Services, Routes, Brokers, Channels, InMemoryChannels, Sequences,
 * Parallels and core {@code v1} Services (their loopback address: {@code status.loadBalancer.ingress}).
 */
public final class DestinationResolver {

    private static final List<ResourceType> ADDRESSABLE = List.of(ResourceTypes.SERVICE, ResourceTypes.ROUTE,
            ResourceTypes.BROKER, ResourceTypes.CHANNEL, ResourceTypes.IN_MEMORY_CHANNEL, ResourceTypes.SEQUENCE,
            ResourceTypes.PARALLEL, ResourceTypes.CORE_SERVICE);

    private final ResourceStore store;

    public DestinationResolver(ResourceStore store) {
        this.store = store;
    }

    /** {@code controller} also reconciled for the keys that {@code tracker} says depend on a changed addressable. */
    public static Controller watchingAddressables(Controller controller, Tracker tracker) {
        Controller watching = controller;
        for (ResourceType type : ADDRESSABLE) {
            watching = watching.watching(type, tracker.mapper());
        }
        return watching;
    }

    /** What {@code destination} names, if it has a ref: the object to track. */
    public static Optional<ObjectRef> reference(Destination destination, String namespace) {
        return destination == null || destination.ref() == null ? Optional.empty()
                : Optional.of(ObjectRef.of(destination.ref(), namespace));
    }

    /** Resolves {@code destination} of an object in {@code namespace}. */
    public Resolution resolve(Destination destination, String namespace) {
        if (destination == null || (destination.ref() == null && destination.uri() == null)) {
            return new Resolution.Unresolved("the destination has neither ref nor uri; give one of them");
        }
        if (destination.ref() == null) {
            return absolute(destination.uri());
        }
        Resolution address = address(destination.ref(), namespace);
        if (destination.uri() == null || !(address instanceof Resolution.Resolved resolved)) {
            return address;
        }
        return relative(resolved.uri(), destination.uri());
    }

    private Resolution address(KReference ref, String namespace) {
        ObjectRef target = ObjectRef.of(ref, namespace);
        Optional<ResourceType> type = ADDRESSABLE.stream().filter(target::is).findFirst();
        if (type.isEmpty()) {
            return new Resolution.Unresolved(describe(ref) + " cannot be addressed: Kumo resolves refs to a Service ("
                    + "serving.knative.dev/v1, or a core v1 Service), Route, Broker (eventing.knative.dev/v1), Channel, InMemoryChannel "
                    + "(messaging.knative.dev/v1), Sequence or Parallel (flows.knative.dev/v1); refer to one of them "
                    + "or give a uri");
        }
        Optional<ObjectNode> object = store.get(type.get(), target.namespace(), target.name());
        if (object.isEmpty()) {
            return new Resolution.Unresolved(describe(ref) + " not found in namespace " + target.namespace());
        }
        String url = type.get().equals(ResourceTypes.CORE_SERVICE) ? coreServiceUrl(object.get())
                : object.get().at("/status/address/url").asText("");
        if (url.isEmpty() && type.get().equals(ResourceTypes.SERVICE)) {
            url = object.get().at("/status/url").asText("");
        }
        if (url.isEmpty() && type.get().equals(ResourceTypes.CORE_SERVICE)) {
            return new Resolution.Unresolved(describe(ref) + " in namespace " + target.namespace()
                    + " has no address yet (status.loadBalancer.ingress is empty): Kumo gives it one shortly");
        }
        if (url.isEmpty()) {
            return new Resolution.Unresolved(describe(ref) + " in namespace " + target.namespace()
                    + " has no address yet (status.address.url is empty): it is not ready");
        }
        return absolute(url);
    }

    /**
     * A core Service's address: its first port's loopback listener, {@code http://127.0.0.1:PORT}, from
     * {@code status.loadBalancer.ingress} (kumo-serving's service addresses write it); empty until then.
     */
    private static String coreServiceUrl(ObjectNode service) {
        var ingress = service.at("/status/loadBalancer/ingress/0");
        int port = ingress.path("ports").path(0).path("port").asInt(0);
        return port == 0 || ingress.path("ip").asText("").isEmpty() ? ""
                : "http://" + ingress.path("ip").asText() + ":" + port;
    }

    private static Resolution absolute(String uri) {
        Optional<URI> parsed = parse(uri);
        if (parsed.isEmpty() || !parsed.get().isAbsolute() || parsed.get().getHost() == null) {
            return new Resolution.Unresolved("uri \"" + uri + "\" is not an absolute URI with a scheme and a host, "
                    + "such as http://127.0.0.1:8080/");
        }
        return new Resolution.Resolved(parsed.get());
    }

    private static Resolution relative(URI base, String uri) {
        Optional<URI> reference = parse(uri);
        if (reference.isEmpty() || reference.get().isAbsolute()) {
            return new Resolution.Unresolved("uri \"" + uri + "\" beside a ref must be a path relative to the ref's "
                    + "address, such as /events");
        }
        // URI.resolve drops the "/" of an empty base path ("http://h" + "x" gives "http://hx"), so give it one.
        URI root = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
        return new Resolution.Resolved(root.resolve(reference.get()));
    }

    private static Optional<URI> parse(String uri) {
        try {
            return Optional.of(new URI(uri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String describe(KReference ref) {
        return ref.kind() + " \"" + ref.name() + "\" (" + ref.apiVersion() + ")";
    }
}
