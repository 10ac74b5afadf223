package dev.kumo.controller.revision;

import dev.kumo.api.serving.ContainerStatus;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.controller.engine.NamespacedName;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * A Revision's images resolved in the background, as Knative's {@code backgroundResolver}: the first reconcile
 * starts it, the Revision is enqueued when the answer is in, and a failure is tried again after a growing back-off.
 * The answer is kept until the Revision is forgotten, so a status write that lost a race does not resolve again.
 */
final class DigestResolution {

    /** Knative's {@code digest-resolution-timeout} default: the bound on one resolution of a Revision. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    /** Where a Revision's resolution stands. */
    sealed interface Outcome {

        /** Still asking the registries. */
        record Pending() implements Outcome {
        }

        /** One status per container, in the Revision's order, with the digest where one was resolved. */
        record Resolved(List<ContainerStatus> statuses) implements Outcome {
        }

        /** {@code image} could not be resolved; tried again from {@code retryAt}. */
        record Failed(String image, String message, Instant retryAt) implements Outcome {
        }
    }

    private static final Outcome PENDING = new Outcome.Pending();

    private record Attempt(String uid, int failures, CompletableFuture<Outcome> outcome) {
    }

    /** A container's image that failed, carried through the futures to the outcome. */
    private static final class ContainerFailure extends RuntimeException {
        private final String image;

        ContainerFailure(String image, String message) {
            super(message, null, false, false);
            this.image = image;
        }
    }

    private final ImageResolver resolver;
    private final InstantSource clock;
    private final Duration timeout;
    private final Map<NamespacedName, Attempt> attempts = new ConcurrentHashMap<>();
    private volatile Consumer<NamespacedName> listener = key -> { };

    DigestResolution(ImageResolver resolver, InstantSource clock, Duration timeout) {
        this.resolver = resolver;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Registers the callback told the key of a Revision whose resolution has finished. */
    void onDone(Consumer<NamespacedName> value) {
        listener = value;
    }

    /** Where {@code revision}'s resolution stands now; starts it (or its retry, once due) without waiting. */
    Outcome poll(Revision revision) {
        NamespacedName key = new NamespacedName(revision.metadata().namespace(), revision.metadata().name());
        String uid = revision.metadata().uid();
        Instant now = clock.instant();
        Attempt attempt = attempts.compute(key, (k, current) -> {
            if (current == null || !Objects.equals(current.uid(), uid)) {
                return start(key, revision, 0);
            }
            return current.outcome().getNow(PENDING) instanceof Outcome.Failed failed
                    && !now.isBefore(failed.retryAt()) ? start(key, revision, current.failures() + 1) : current;
        });
        return attempt.outcome().getNow(PENDING);
    }

    /** Drops what is known of the Revision: it was deleted, or its status holds the answer. */
    void forget(NamespacedName key) {
        attempts.remove(key);
    }

    private Attempt start(NamespacedName key, Revision revision, int failures) {
        List<CompletableFuture<ContainerStatus>> each = revision.spec().containersOrEmpty().stream()
                .map(container -> status(revision, container)).toList();
        CompletableFuture<Outcome> outcome = CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, error) -> error == null
                        ? new Outcome.Resolved(each.stream().map(CompletableFuture::join).toList())
                        : failed(revision, each, error, failures));
        if (!outcome.isDone()) {
            outcome.thenRun(() -> listener.accept(key));
        }
        return new Attempt(revision.metadata().uid(), failures, outcome);
    }

    private CompletableFuture<ContainerStatus> status(Revision revision, Container container) {
        CompletableFuture<Optional<String>> digest;
        try {
            digest = resolver.digest(revision, container);
        } catch (RuntimeException e) {
            digest = CompletableFuture.failedFuture(e);
        }
        return digest.handle((resolved, error) -> {
            if (error != null) {
                throw new ContainerFailure(container.image(), message(unwrap(error)));
            }
            return new ContainerStatus(container.name(), resolved.orElse(null));
        });
    }

    private Outcome failed(Revision revision, List<CompletableFuture<ContainerStatus>> each, Throwable error,
            int failures) {
        Throwable cause = unwrap(error);
        Duration backOff = FIRST_RETRY.multipliedBy(1L << Math.min(failures, 20));
        Instant retryAt = clock.instant().plus(backOff.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : backOff);
        if (cause instanceof ContainerFailure failure) {
            return new Outcome.Failed(failure.image, failure.getMessage(), retryAt);
        }
        // Only the overall timeout ends here: name the first image that had not answered.
        List<Container> containers = revision.spec().containersOrEmpty();
        String image = IntStream.range(0, each.size()).filter(i -> !each.get(i).isDone())
                .mapToObj(i -> containers.get(i).image()).filter(Objects::nonNull).findFirst().orElse("");
        return new Outcome.Failed(image, cause instanceof TimeoutException ? "no answer within "
                + timeout.toSeconds() + "s (the digest resolution timeout)" : message(cause), retryAt);
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
