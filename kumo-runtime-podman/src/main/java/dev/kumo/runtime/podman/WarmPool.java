package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pods made ahead of demand, so that an instance starting from zero (or the next replica of a busy Revision) starts
 * only its workload container: for each Revision the runtime was told may be wanted ({@code prepare}), up to the
 * limits, a pod whose infra runs with its ports published on loopback and whose workload container is created and
 * initialised (conmon up, the OCI runtime's {@code create} done) but not started, labelled as an instance's pod plus
 * {@code dev.kumo/role=warm}. A start takes one made from the same create requests (compared by a hash of their JSON)
 * and the pool makes the next in the background, once no start from a warm pod is under way. Warm pods of a
 * Revision whose spec changed, that was not asked for within the idle expiry, or of a closed pool are removed.
 */
final class WarmPool implements AutoCloseable {

    /** Marks a pod (and its workload container) made ahead of demand; it keeps the label once taken. */
    static final String ROLE = "dev.kumo/role";
    static final String WARM = "warm";

    private static final Logger LOG = LoggerFactory.getLogger(WarmPool.class);
    private static final Duration REFILL_DELAY = Duration.ofMillis(300);
    /** How long an instance started in a warm pod holds back the pool's making at most (a start that never ends). */
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(10);

    private final PodmanRuntimeConfig config;
    private final Supplier<CompletableFuture<PodmanClient>> podman;
    private final String dataDirKey;
    private final Function<RevisionRef, String> ids;
    private final Runnable podsCreated;
    private final ExecutorService makers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("warm-pool-sweep").factory());
    private final Map<RevisionRef, Slot> slots = new HashMap<>();
    private final List<CompletableFuture<Void>> removals = new ArrayList<>();
    private final StartingHold starting = new StartingHold(HOLD_LIMIT);
    private boolean closed;

    /**
     * A pool making pods through {@code podman}, named and labelled for instance ids from {@code ids};
     * {@code podsCreated} runs before each pod is made (the leftovers marker).
     */
    WarmPool(PodmanRuntimeConfig config, Supplier<CompletableFuture<PodmanClient>> podman, String dataDirKey,
            Function<RevisionRef, String> ids, Runnable podsCreated) {
        this.config = config;
        this.podman = podman;
        this.dataDirKey = dataDirKey;
        this.ids = ids;
        this.podsCreated = podsCreated;
        // Expiry is also checked on every prepare and take; the sweep covers a server where none comes.
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Whether a warm pod can stand for an instance of {@code spec}: what the instance would make is exactly its
     * pod and one container (no sidecars, volumes or mounts to set up per instance), from an image not pulled on
     * every start ({@code imagePullPolicy: Always} of a tag in a registry; a digest or a local-only image is not).
     */
    static boolean eligible(ImageWorkload spec) {
        return spec.sidecars().isEmpty() && spec.volumes().isEmpty() && spec.mounts().isEmpty()
                && !ImagePulls.pullsAtEveryStart(spec.image(), spec.pull());
    }

    /**
     * The identity of what podman is asked to create for an instance of {@code spec}, without the names and labels
     * that differ per instance: the SHA-256 of the pod's and the container's create JSON.
     */
    static String key(ImageWorkload spec) {
        String requests = PodSpecs.pod("", Map.of(), spec).encode() + "\n"
                + PodSpecs.container("", "", Map.of(), spec).encode();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(requests.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Keeps {@code count} (within the limits) warm pods of {@code spec}'s Revision; 0 removes them. */
    synchronized void prepare(ImageWorkload spec, int count) {
        if (closed) {
            return;
        }
        Instant now = config.clock().instant();
        expire(now);
        int wanted = eligible(spec) ? Math.min(count, config.warmPool().perRevision()) : 0;
        Slot slot = slots.get(spec.revision());
        String key = wanted > 0 ? key(spec) : "";
        if (slot != null && (wanted == 0 || !slot.key.equals(key))) {
            discard(slots.remove(spec.revision()));
            slot = null;
        }
        if (wanted == 0) {
            return;
        }
        if (slot == null) {
            slot = new Slot(spec, key);
            slots.put(spec.revision(), slot);
        }
        slot.wanted = wanted;
        // A Revision asked for the first time may take the place of any asked before; one asked again only that of
        // a Revision not asked since its own last ask, so Revisions asked in turn do not take each other's places.
        Instant takesFromBefore = slot.lastAsked.equals(Instant.MIN) ? now : slot.lastAsked;
        slot.lastAsked = now;
        makeRoom(slot, takesFromBefore);
        fill(slot);
    }

    /**
     * At the total limit, removes the warm pods of the Revisions asked for least recently (before
     * {@code takesFromBefore}) until {@code slot}'s fit, only when {@code slot} will make them now: a deleted Revision
     * may never be asked for again, and without this its warm pod would hold its place until the idle expiry, so a
     * host that makes many Revisions would soon warm none. A Revision that gave way keeps its slot (without pods), so
     * that its next ask is not a first one.
     */
    private void makeRoom(Slot slot, Instant takesFromBefore) {
        if (!quiet() || !slot.makesPods()) {
            return;
        }
        int missing = slot.wanted - slot.pods.size();
        while (size() + missing > config.warmPool().total()) {
            Optional<Slot> oldest = slots.values().stream().filter(other -> other != slot && !other.pods.isEmpty()
                    && other.lastAsked.isBefore(takesFromBefore)).min(Comparator.comparing(other -> other.lastAsked));
            if (oldest.isEmpty()) {
                return;
            }
            discard(oldest.get());
        }
    }

    /**
     * A warm pod made for {@code spec}, if one is ready. The pool makes the next (of any Revision) once every instance
     * started in a warm pod is past starting ({@link #started}): making a pod meanwhile would slow those starts, the
     * ones requests wait for (ten at once each start a pod of their own Revision).
     */
    synchronized Optional<WarmPod> take(ImageWorkload spec) {
        if (closed) {
            return Optional.empty();
        }
        expire(config.clock().instant());
        Slot slot = slots.get(spec.revision());
        // The spec the slot was made from, as a rule: then no hash is made on the start's path.
        if (slot == null || !spec.equals(slot.spec) && !(eligible(spec) && slot.key.equals(key(spec)))) {
            return Optional.empty();
        }
        Optional<CompletableFuture<WarmPod>> ready = slot.pods.stream()
                .filter(making -> making.isDone() && !making.isCompletedExceptionally()).findFirst();
        if (ready.isPresent()) {
            slot.pods.remove(ready.get());
            slot.lastAsked = config.clock().instant();
            WarmPod pod = ready.get().join();
            starting.taken(pod.instanceId(), slot.lastAsked);
            // A start that never ends holds the pool back only so long.
            sweeper.schedule(this::refill, HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(pod);
        }
        return Optional.empty();
    }

    /**
     * Instance {@code instanceId}, started in a warm pod, is past starting: once no other is starting, the pool makes
     * what is missing a moment later, when the request that woke the instance (proxied as it turns ready) had its
     * answer: making a pod takes podman, netavark and runc a few hundred milliseconds of CPU that answer would
     * otherwise share.
     */
    synchronized void started(String instanceId) {
        if (!closed && starting.started(instanceId)) {
            sweeper.schedule(this::refill, REFILL_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the pool makes pods now: no instance started in a warm pod is starting (within the hold limit). */
    private boolean quiet() {
        return starting.quiet(config.clock().instant());
    }

    private synchronized void refill() {
        if (!closed && quiet()) {
            slots.values().forEach(this::fill);
        }
    }

    /** The warm pods ready to take. */
    synchronized int ready() {
        return (int) slots.values().stream().flatMap(slot -> slot.pods.stream())
                .filter(making -> making.isDone() && !making.isCompletedExceptionally()).count();
    }

    /** The warm pods of {@code revision}, ready or being made. */
    synchronized int pods(RevisionRef revision) {
        Slot slot = slots.get(revision);
        return slot == null ? 0 : slot.pods.size();
    }

    private int size() {
        return slots.values().stream().mapToInt(slot -> slot.pods.size()).sum();
    }

    /** Removes every warm pod and waits (bounded) until podman has removed them. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> pending;
        synchronized (this) {
            closed = true;
            slots.values().forEach(this::discard);
            slots.clear();
            pending = List.copyOf(removals);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("not every warm pod was removed within 30 s: {}", e.toString());
        } finally {
            makers.shutdown();
            sweeper.shutdownNow();
        }
    }

    private synchronized void sweep() {
        if (!closed) {
            expire(config.clock().instant());
        }
    }

    /** Removes the warm pods of Revisions not asked for within the idle expiry. */
    private void expire(Instant now) {
        slots.values().removeIf(slot -> {
            boolean idle = slot.lastAsked.plus(config.warmPool().idleExpiry()).isBefore(now);
            if (idle) {
                discard(slot);
            }
            return idle;
        });
    }

    private void fill(Slot slot) {
        slot.pods.removeIf(CompletableFuture::isCompletedExceptionally);
        while (quiet() && slot.makesPods() && size() < config.warmPool().total()) {
            String instanceId = ids.apply(slot.spec.revision());
            CompletableFuture<WarmPod> making = CompletableFuture.supplyAsync(() -> make(slot, instanceId), makers);
            making.whenComplete((pod, failure) -> {
                if (failure != null) {
                    LOG.debug("making a warm pod of {}: {}", slot.spec.revision().revision(),
                            PodmanClient.cause(failure).getMessage());
                }
            });
            slot.pods.add(making);
        }
    }

    /** The image cannot run (not pullable, root under runAsNonRoot): no warm pod until the spec changes. */
    private synchronized void refused(Slot slot, String why) {
        if (!slot.refused) {
            slot.refused = true;
            LOG.info("no warm pod for {}: {}", slot.spec.revision().revision(), why);
        }
    }

    /**
     * Makes one warm pod as {@link PodInstance} makes an instance's, stopping short of starting the container: it is
     * created and initialised (conmon and the OCI runtime's {@code create} done), so a start only runs it.
     */
    private WarmPod make(Slot slot, String instanceId) {
        ImageWorkload spec = slot.spec;
        PodmanClient client = podman.get().join();
        podsCreated.run();
        Map<String, String> labels = new LinkedHashMap<>(PodLabels.of(dataDirKey, spec.revision(), instanceId));
        labels.put(ROLE, WARM);
        String pod = PodLabels.podName(dataDirKey, instanceId);
        CompletableFuture<Boolean> image = client.imageExists(spec.image());
        CompletableFuture<String> created = client.createPod(PodSpecs.pod(pod, labels, spec));
        try {
            List<ImagePull> images = new ArrayList<>();
            Optional<String> refusal = ImageChecks.refusal(client, spec, image.join(), images::add);
            created.join();
            if (refusal.isPresent()) {
                refused(slot, refusal.get());
                throw new PodmanException("making a warm pod of " + spec.revision().revision(), 0, refusal.get());
            }
            // The pod is started before its workload container exists: podman's pod start starts every container
            // the pod has by then, so a container created meanwhile would run ahead of any demand.
            client.startPod(pod).join();
            JsonObject container = PodSpecs.container(pod + "-1", pod, labels, spec);
            String id = client.createContainer(container).join();
            CompletableFuture<Optional<Path>> logFile = ContainerLogFile.pathOf(client, id);
            // Initialised too (in the running pod): of podman's start, only the OCI runtime's own is left.
            CompletableFuture<Void> initialised = client.initContainer(id);
            Map<Integer, Integer> hostPorts = PodPorts.of(client, pod, spec);
            initialised.join();
            return new WarmPod(instanceId, pod, id, hostPorts, logFile.join(), images);
        } catch (RuntimeException e) {
            client.deletePod(pod).exceptionally(gone -> null);
            throw e;
        }
    }

    /** Removes the slot's pods: those made now, those being made once they are. */
    private void discard(Slot slot) {
        for (CompletableFuture<WarmPod> making : slot.pods) {
            CompletableFuture<Void> removed = making.handle((pod, failure) -> pod)
                    .thenCompose(pod -> pod == null ? CompletableFuture.completedFuture(null)
                            : podman.get().thenCompose(client -> client.deletePod(pod.pod())))
                    .exceptionally(failure -> {
                        LOG.warn("removing a warm pod of {}: {}", slot.spec.revision().revision(),
                                PodmanClient.cause(failure).getMessage());
                        return null;
                    });
            removals.removeIf(CompletableFuture::isDone);
            removals.add(removed);
        }
        slot.pods.clear();
    }

    /** One Revision's warm pods and what they are made from. */
    private static final class Slot {

        private final ImageWorkload spec;
        private final String key;
        private final List<CompletableFuture<WarmPod>> pods = new ArrayList<>();
        private int wanted;
        private Instant lastAsked = Instant.MIN;
        private boolean refused;

        Slot(ImageWorkload spec, String key) {
            this.spec = spec;
            this.key = key;
        }

        /** Whether a fill would make a pod when the pool is quiet: the image can run, fewer than wanted. */
        boolean makesPods() {
            return !refused && pods.size() < wanted;
        }
    }
}
