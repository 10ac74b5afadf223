package dev.kumo.serving.pods;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.core.PodKind;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.serving.deployments.DeploymentInstances;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@code v1} Pod in the store per instance of the runtimes, as a ReplicaSet's Pods show a Deployment's:
 * created when an instance appears, updated on each of its changes, deleted once it is gone, so {@code kubectl get
 * pods -w} sees scale-out and scale to zero. The runtimes' watch only hands each snapshot over: the store is written
 * on a thread of this view's own a second later, never on an instance's start path (changes of one instance
 * meanwhile coalesce to the latest). A Pod deleted by a client stops its instance; its owner then starts another. At start, Pods of
 * instances that no longer exist (a previous server's) are removed.
 */
public final class PodView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PodView.class);

    /** How long after an instance's change its Pod is written (changes meanwhile coalesce to the latest). */
    static final Duration WRITE_DELAY = Duration.ofSeconds(1);

    /** Stops an instance whose Pod a client deleted (drained first, so no request is sent to it after). */
    @FunctionalInterface
    public interface InstanceStopper {

        void stop(Instance instance);
    }

    /** Where a Pod's instance is, and what containers it shows, for its log: kept while the Pod is. */
    record Shown(String instanceId, List<String> containers) {
    }

    private final ShownRuntimes runtimes;
    private final ResourceStore store;
    private final InstanceStopper stopper;
    private final InstantSource clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("pod-view").factory());
    private final Map<String, Instance> latest = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> deletedByClient = ConcurrentHashMap.newKeySet();
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();
    /** Each shown instance's Pod name: its hash, or a next one where another live instance's Pod had it. */
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private volatile Subscription instances = () -> { };
    private volatile Watch pods = () -> { };

    private PodView(WorkloadRuntime runtimes, ResourceStore store, InstanceStopper stopper, InstantSource clock) {
        this.runtimes = new ShownRuntimes(runtimes);
        this.store = store;
        this.stopper = stopper;
        this.clock = clock;
    }

    /**
     * Starts following {@code runtimes}' instances into {@code store} (written as is, not through admission: clients
     * may not write Pods); stale Pods are removed first.
     */
    public static PodView start(WorkloadRuntime runtimes, ResourceStore store, InstanceStopper stopper,
            InstantSource clock) {
        PodView view = new PodView(runtimes, store, stopper, clock);
        view.instances = view.runtimes.watch(view::changed);
        List<Instance> running = view.runtimes.instances();
        Set<String> live = ConcurrentHashMap.newKeySet();
        running.forEach(instance -> live.add(instance.id()));
        long from = view.removeStale(live);
        running.forEach(view::changed);
        view.pods = store.watch(ResourceTypes.POD, new WatchOptions(ListOptions.ALL, Optional.of(from)),
                view.new Deletions());
        return view;
    }

    /**
     * Shows the instances of {@code runtime} too (eventing's ContainerSource runtime, started after the view), their
     * ids qualified {@code name/ID}; a Pod of one deleted by a client stops its instance there.
     */
    public void show(String name, WorkloadRuntime runtime) {
        runtimes.add(name, runtime);
    }

    /** The instance a Pod shows, and its containers. */
    Optional<Shown> shown(String namespace, String pod) {
        return Optional.ofNullable(shown.get(namespace + "/" + pod));
    }

    /** The runtimes the Pods show. */
    WorkloadRuntime runtimes() {
        return runtimes;
    }

    /**
     * Hands a snapshot to the writer, {@link #WRITE_DELAY} later; the runtimes' watch must not block. The delay
     * keeps the write off a cold start: the instance's Starting and Ready become one write, after the first
     * response went out.
     */
    private void changed(Instance instance) {
        firstSeen.putIfAbsent(instance.id(), clock.instant());
        if (latest.put(instance.id(), instance) == null) {
            CompletableFuture.delayedExecutor(WRITE_DELAY.toMillis(), TimeUnit.MILLISECONDS, writer)
                    .execute(() -> write(instance.id()));
        }
    }

    private void write(String instanceId) {
        Instance instance = latest.remove(instanceId);
        if (instance == null) {
            return;
        }
        try {
            if (instance.state() instanceof InstanceState.Stopped) {
                remove(instance);
            } else if (!deletedByClient.contains(instanceId)) {
                upsert(instance);
            }
        } catch (RuntimeException e) {
            LOG.warn("showing instance {} as a Pod: {}", instanceId, e.toString());
        }
    }

    private void upsert(Instance instance) {
        String namespace = instance.revision().namespace();
        Instant startTime = firstSeen.getOrDefault(instance.id(), clock.instant());
        Optional<String> deployment = DeploymentInstances.deployment(instance.revision());
        Optional<String> source = ContainerSourceInstances.source(instance.revision());
        ObjectNode pod;
        if (source.isPresent()) {
            Optional<ObjectNode> owner = store.get(ResourceTypes.CONTAINER_SOURCE, namespace, source.get());
            if (owner.isEmpty()) {
                return; // its ContainerSource is gone: the instance is being stopped
            }
            pod = PodObjects.sourcePod(instance, owner.get(), startTime);
        } else if (deployment.isPresent()) {
            Optional<ObjectNode> owner = store.get(ResourceTypes.DEPLOYMENT, namespace, deployment.get());
            if (owner.isEmpty()) {
                return; // its Deployment is gone: the instance is being stopped
            }
            pod = PodObjects.deploymentPod(instance, owner.get(), store.get(ResourceTypes.REPLICA_SET, namespace,
                    instance.revision().revision()), startTime);
        } else {
            Optional<ObjectNode> revision = store.get(ResourceTypes.REVISION, namespace,
                    instance.revision().revision());
            pod = PodObjects.pod(instance, revision, startTime);
        }
        String name = nameOf(instance);
        ((ObjectNode) pod.get("metadata")).put("name", name);
        shown.put(namespace + "/" + name, new Shown(instance.id(), PodObjects.containerNames(pod)));
        Optional<ObjectNode> existing = store.get(ResourceTypes.POD, namespace, name);
        if (existing.isEmpty()) {
            if (created.contains(instance.id())) {
                deletedByAClient(instance); // gone before its DELETED event came
                return;
            }
            store.create(ResourceTypes.POD, pod);
            created.add(instance.id());
            return;
        }
        ((ObjectNode) pod.get("metadata")).put("resourceVersion",
                existing.get().path("metadata").path("resourceVersion").asText());
        try {
            store.update(ResourceTypes.POD, pod);
        } catch (ApiException e) {
            if (e.reason() != StatusReason.NotFound) {
                throw e;
            }
            deletedByAClient(instance);
        }
    }

    /**
     * The Pod name of {@code instance}, chosen once: its hash, or, where that names another instance's Pod (two ids
     * hashing alike), the next free one, so that neither overwrites nor deletes the other's.
     */
    private String nameOf(Instance instance) {
        String namespace = instance.revision().namespace();
        return names.computeIfAbsent(instance.id(), id -> {
            for (int attempt = 0; ; attempt++) {
                String name = PodNames.of(instance.revision(), id, attempt);
                if (!names.containsValue(name) && store.get(ResourceTypes.POD, namespace, name)
                        .map(pod -> instanceOf(pod).equals(id)).orElse(true)) {
                    return name;
                }
            }
        });
    }

    /** Deletes the instance's Pod (only its own: not one another instance has by the same name) and forgets it. */
    private void remove(Instance instance) {
        created.remove(instance.id());
        deletedByClient.remove(instance.id());
        firstSeen.remove(instance.id());
        String namespace = instance.revision().namespace();
        String name = Optional.ofNullable(names.remove(instance.id())).orElseGet(() -> PodObjects.name(instance));
        shown.remove(namespace + "/" + name);
        store.get(ResourceTypes.POD, namespace, name).filter(pod -> instanceOf(pod).equals(instance.id()))
                .ifPresent(pod -> delete(namespace, name, new DeleteOptions(
                        Optional.of(pod.path("metadata").path("uid").asText()), Optional.empty(),
                        DeleteOptions.Propagation.Background)));
    }

    private void delete(String namespace, String name, DeleteOptions options) {
        try {
            store.delete(ResourceTypes.POD, namespace, name, options);
        } catch (ApiException e) {
            if (e.reason() != StatusReason.NotFound && e.reason() != StatusReason.Conflict) {
                throw e;
            }
        }
    }

    private static String instanceOf(ObjectNode pod) {
        return pod.path("metadata").path("annotations").path(PodKind.INSTANCE_ANNOTATION).asText("");
    }

    /** A client deleted the Pod: its instance stops (once), and is not shown again. */
    private void deletedByAClient(Instance instance) {
        if (deletedByClient.add(instance.id()) && !instance.state().terminal()) {
            LOG.info("Pod of instance {} deleted: stopping it", instance.id());
            if (runtimes.isAdded(instance.id())) {
                runtimes.stop(instance.id()); // its owner (a ContainerSource) starts another
            } else {
                stopper.stop(instance);
            }
        }
    }

    /** Removes the Pods of instances not in {@code live}; returns the resourceVersion to watch Pods from. */
    private long removeStale(Set<String> live) {
        var list = store.list(ResourceTypes.POD, ListOptions.ALL);
        for (ObjectNode pod : list.items()) {
            if (!live.contains(instanceOf(pod))) {
                delete(pod.path("metadata").path("namespace").asText(), pod.path("metadata").path("name").asText(),
                        DeleteOptions.DEFAULT);
            }
        }
        return store.resourceVersion();
    }

    /** Pods deleted in the store: by a client, or by the cascade from their Revision. */
    private final class Deletions implements WatchListener {

        @Override
        public void onEvent(WatchEvent event) {
            if (event.type() != WatchEvent.Type.DELETED) {
                return;
            }
            String instanceId = instanceOf(event.object());
            writer.execute(() -> runtimes.instance(instanceId).ifPresent(PodView.this::deletedByAClient));
        }

        @Override
        public void closed(Optional<ApiException> reason) {
            reason.ifPresent(e -> LOG.warn("the pod view's watch of Pods ended: {}", e.getMessage()));
        }
    }

    @Override
    public void close() {
        instances.close();
        runtimes.close();
        pods.close();
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
