package dev.kumo.runtime.podman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pods and containers a crashed predecessor on the same state directory left in podman, found by their
 * data-directory label and removed (the serving layer starts fresh instances). A marker file says whether this
 * state directory ever made a pod, so a server that never ran an image asks podman nothing at start.
 */
final class Leftovers {

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private final Path marker;
    private final String dataDirKey;

    Leftovers(Path stateDir, String dataDirKey) {
        this.marker = stateDir.resolve("pods-created");
        this.dataDirKey = dataDirKey;
    }

    /** Whether a predecessor may have left pods: it made one and did not remove them all at close. */
    boolean possible() {
        return Files.exists(marker);
    }

    /** Notes, before the first pod is made, that this state directory has pods. */
    void podsCreated() {
        try {
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.writeString(marker, dataDirKey + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + marker, e);
        }
    }

    /** Notes that no pod of this state directory is left. */
    void noneLeft() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + marker, e);
        }
    }

    /**
     * {@link #remove}, tried again after a failure, up to {@code attempts} times, the n-th retry {@code pause} × n after
     * the failure: a podman service that died with its server mid-call can leave a pod whose first removal fails. New
     * pods are made only once this completes, so a retry never takes one of them.
     */
    CompletableFuture<List<String>> removeRetrying(Supplier<CompletableFuture<PodmanClient>> podman, int attempts,
            Duration pause) {
        return attempt(podman, 1, attempts, pause);
    }

    private CompletableFuture<List<String>> attempt(Supplier<CompletableFuture<PodmanClient>> podman, int attempt,
            int attempts, Duration pause) {
        return podman.get().thenCompose(this::remove).handle((removed, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(removed);
            }
            if (attempt >= attempts) {
                return CompletableFuture.<List<String>>failedFuture(failure);
            }
            long wait = pause.toMillis() * attempt;
            LOG.info("removing the pods a previous server left failed (attempt {} of {}), again in {} ms: {}",
                    attempt, attempts, wait, PodmanClient.cause(failure).getMessage());
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait,
                    TimeUnit.MILLISECONDS)).thenCompose(ignored -> attempt(podman, attempt + 1, attempts, pause));
        }).thenCompose(next -> next);
    }

    /** Removes every pod and container labelled with this state directory's key; completes with the pods' names. */
    CompletableFuture<List<String>> remove(PodmanClient podman) {
        return podman.listPods(PodLabels.owned(dataDirKey)).thenCompose(pods -> {
            List<String> names = pods.stream().map(pod -> pod.getString("Name")).toList();
            List<CompletableFuture<Void>> removals = new ArrayList<>();
            names.forEach(name -> removals.add(podman.deletePod(name)));
            return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).thenApply(done -> names);
        }).thenCompose(names -> podman.listContainers(PodLabels.owned(dataDirKey)).thenCompose(containers -> {
            // Containers outside a pod of ours (none are made so, but a pod removal may have failed half-way).
            List<CompletableFuture<Void>> removals = containers.stream().map(c -> c.getString("Id"))
                    .map(podman::deleteContainer).toList();
            return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).thenApply(done -> names);
        }));
    }
}
