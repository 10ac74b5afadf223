package dev.kumo.serving.services;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.core.CoreService;
import dev.kumo.api.core.CoreServiceKind;
import dev.kumo.api.core.ServicePort;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.events.EventRecorder;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives each port of a core Service a loopback listener ({@link LoopbackProxy}) relaying to a ready selected Pod,
 * round robin, and shows the addresses in {@code status.loadBalancer.ingress} ({@code ip: 127.0.0.1}, one
 * {@code ports} entry per Service port, in order). A Service keeps the ports its status names where they are free
 * (after a restart); a deleted Service's listeners close. Each port relays to the Pods' port its {@code targetPort}
 * names ({@link ServiceBackends}); where the ready Pods declare none, a Warning Event {@code TargetPortNotFound}.
 */
public final class ServiceAddressReconciler implements Reconciler, AutoCloseable {

    private final TypedStore<CoreService> services;
    private final ResourceStore store;
    private final EventRecorder events;
    private final Map<NamespacedName, List<LoopbackProxy>> listeners = new ConcurrentHashMap<>();
    private final Map<NamespacedName, AtomicLong> turns = new ConcurrentHashMap<>();

    public ServiceAddressReconciler(ResourceStore store, EventRecorder events) {
        this.store = store;
        this.events = events;
        this.services = new TypedStore<>(store, ResourceTypes.CORE_SERVICE, CoreService.class);
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<CoreService> found = services.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            close(key);
            return Result.done();
        }
        CoreService service = found.get();
        List<ServicePort> ports = service.spec() == null ? List.of() : service.spec().portsOrEmpty();
        List<LoopbackProxy> open = listeners.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (open) {
            List<Integer> shown = shownPorts(service);
            while (open.size() > ports.size()) {
                open.removeLast().close();
            }
            for (int i = open.size(); i < ports.size(); i++) {
                int index = i;
                open.add(LoopbackProxy.open(i < shown.size() ? shown.get(i) : 0, () -> backend(key, index)));
            }
            CoreService addressed = new CoreService(service.apiVersion(), service.kind(), service.metadata(),
                    service.spec(), status(service, open.stream().map(LoopbackProxy::port).toList()));
            services.updateStatusIfChanged(service, addressed, CoreService::status);
        }
        return Result.done();
    }

    /**
     * The next ready selected Pod of {@code key} for its port {@code index}, round robin; empty when none is ready (or
     * none selected). Ready Pods that declare no port the targetPort names get none, and a Warning says so.
     */
    private Optional<InetSocketAddress> backend(NamespacedName key, int index) {
        Optional<CoreService> found = services.get(key.namespace(), key.name());
        Map<String, String> selector = found.map(s -> s.spec() == null ? Map.<String, String>of()
                : s.spec().selectorOrEmpty()).orElse(Map.of());
        if (found.isEmpty() || !ServiceBackends.selects(selector)) {
            return Optional.empty();
        }
        List<ServicePort> ports = found.get().spec().portsOrEmpty();
        Optional<ServicePort> port = index < ports.size() ? Optional.of(ports.get(index)) : Optional.empty();
        LabelSelector labels = new LabelSelectorSpec(selector, null).toSelector();
        ServiceBackends.Backends backends = ServiceBackends.of(store.list(ResourceTypes.POD,
                new ListOptions(Optional.of(key.namespace()), labels, Optional.empty())).items(),
                port.map(ServicePort::targetPort));
        List<InetSocketAddress> ready = backends.ready();
        if (ready.isEmpty()) {
            if (!backends.undeclared().isEmpty()) {
                events.warning(EventRecorder.about(ResourceTypes.CORE_SERVICE, found.get().metadata()),
                        "TargetPortNotFound", "port " + port.map(ServicePort::port).orElse(0) + ": targetPort "
                                + port.map(ServicePort::targetPort).map(Object::toString).orElse("") + " names no "
                                + "port of the ready Pods " + backends.undeclared() + "; set targetPort to their "
                                + "container's containerPort or its name");
            }
            return Optional.empty();
        }
        long turn = turns.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
        return Optional.of(ready.get((int) Math.floorMod(turn, (long) ready.size())));
    }

    /** The status with one loadBalancer ingress on 127.0.0.1 listing {@code ports}, the rest of it kept. */
    private static ObjectNode status(CoreService service, List<Integer> ports) {
        ObjectNode status = service.status() == null ? Json.object() : service.status().deepCopy();
        ObjectNode ingress = status.putObject("loadBalancer").putArray("ingress").addObject()
                .put("ip", CoreServiceKind.CLUSTER_IP);
        ArrayNode entries = ingress.putArray("ports");
        ports.forEach(port -> entries.addObject().put("port", port).put("protocol", "TCP"));
        return status;
    }

    private static List<Integer> shownPorts(CoreService service) {
        List<Integer> ports = new ArrayList<>();
        if (service.status() != null) {
            service.status().path("loadBalancer").path("ingress").path(0).path("ports")
                    .forEach(port -> ports.add(port.path("port").asInt()));
        }
        return ports;
    }

    private void close(NamespacedName key) {
        List<LoopbackProxy> open = listeners.remove(key);
        turns.remove(key);
        if (open != null) {
            synchronized (open) {
                open.forEach(LoopbackProxy::close);
            }
        }
    }

    /** Closes every listener. */
    @Override
    public void close() {
        Set.copyOf(listeners.keySet()).forEach(this::close);
    }
}
