package dev.kumo.serving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.pod.Volume;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.VolumeSpec;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import dev.kumo.api.errors.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends changed ConfigMap and Secret content to the running instances whose volumes read them
 * ({@link WorkloadRuntime#refreshFiles}), as the kubelet updates mounted volumes: eventually, and only while the
 * object resolves (a deleted one, or a key gone, leaves the files as they were). A watch the store ends is opened
 * again and every running Revision's volumes are looked at, so no change is lost in between.
 */
final class VolumeWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeWatch.class);

    private final ResourceStore store;
    private final WorkloadRuntime runtimes;
    private final VolumeSources volumes;
    private final Map<String, VolumeSpec.Files> sent = new ConcurrentHashMap<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    // One at a time, off the store's delivery thread: reading the store from a watch callback could stall it.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("volume-watch").factory());
    private volatile boolean closed;

    private VolumeWatch(ResourceStore store, WorkloadRuntime runtimes, VolumeSources volumes) {
        this.store = store;
        this.runtimes = runtimes;
        this.volumes = volumes;
    }

    /** Watches ConfigMaps and Secrets until closed. */
    static VolumeWatch start(ResourceStore store, WorkloadRuntime runtimes, VolumeSources volumes) {
        VolumeWatch watch = new VolumeWatch(store, runtimes, volumes);
        watch.open(ResourceTypes.CONFIGMAP, false);
        watch.open(ResourceTypes.SECRET, true);
        return watch;
    }

    private void open(ResourceType type, boolean secret) {
        watches.add(store.watch(type, new WatchOptions(ListOptions.ALL, Optional.of(store.resourceVersion())),
                new WatchListener() {
                    @Override
                    public void onEvent(WatchEvent event) {
                        ObjectNode object = event.object();
                        String namespace = object.at("/metadata/namespace").asText();
                        String name = object.at("/metadata/name").asText();
                        submit(() -> changed(secret, namespace, Optional.of(name)));
                    }

                    @Override
                    public void closed(Optional<ApiException> reason) {
                        if (!closed && reason.isPresent()) {
                            open(type, secret);
                            submit(() -> changed(secret, null, Optional.empty()));
                        }
                    }
                }));
    }

    private void submit(Runnable task) {
        if (!closed) {
            worker.execute(task);
        }
    }

    /**
     * Refreshes the volumes of running Revisions (in {@code namespace}, or all when null) that read the object
     * {@code name} (or any object of the kind, when empty) and whose content changed since last sent.
     */
    void changed(boolean secret, String namespace, Optional<String> name) {
        runtimes.instances().stream().map(Instance::revision).distinct()
                .filter(ref -> namespace == null || ref.namespace().equals(namespace))
                .forEach(ref -> refresh(ref, secret, name));
    }

    private void refresh(RevisionRef ref, boolean secret, Optional<String> name) {
        Optional<Revision> revision = store.get(ResourceTypes.REVISION, ref.namespace(), ref.revision())
                .map(tree -> TypedCodec.decode(tree, Revision.class).value());
        for (Volume volume : revision.map(r -> r.spec().volumesOrEmpty()).orElse(List.of())) {
            if (name.map(object -> VolumeSources.reads(volume, secret, object))
                    .orElse(volume.configMap() != null || volume.secret() != null || volume.projected() != null)) {
                send(ref, volume);
            }
        }
    }

    private void send(RevisionRef ref, Volume volume) {
        VolumeSpec resolved;
        try {
            resolved = volumes.resolve(ref.namespace(), volume);
        } catch (RuntimeException e) {
            LOG.debug("{}: volume {} not refreshed: {}", ref, volume.name(), e.getMessage());
            return;
        }
        if (resolved instanceof VolumeSpec.Files files
                && !files.equals(sent.put(ref + "/" + volume.name(), files))) {
            runtimes.refreshFiles(ref, volume.name(), files);
        }
    }

    @Override
    public void close() {
        closed = true;
        watches.forEach(Watch::close);
        worker.shutdownNow();
    }
}
