package dev.kumo.serving;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.Termination;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kubelet's image pull back-off, for a Revision's instances: an instance whose image could not be pulled (the
 * runtime's {@code ErrImagePull}, terminal for that instance) shows as {@code ErrImagePull} with the registry's
 * message for {@link #ERR_IMAGE_PULL_SHOWN} after it failed, then as {@code ImagePullBackOff} while it waits (decided
 * from the time, so it does not matter who asks first or how often); once the back-off is over it is replaced
 * by a new instance, which pulls again, so the Revision becomes Ready by itself when the image can be had. The wait
 * doubles with each failure in a row, from {@link #FIRST} to {@link #MAX} (Kubernetes: 10 s to 5 min; a local
 * registry is cheap to ask), and starts again once an instance of the Revision is ready.
 */
final class ImagePullBackOff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);
    /** How long after a failed pull it shows as ErrImagePull, before ImagePullBackOff (shorter than {@link #FIRST}). */
    static final Duration ERR_IMAGE_PULL_SHOWN = Duration.ofMillis(250);
    static final String ERR_IMAGE_PULL = "ErrImagePull";
    static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
    // The runtime's reason, for the serving container or a sidecar ("sidecar NAME: ErrImagePull: …").
    private static final Pattern PULL_FAILED = Pattern.compile("^((?:sidecar \\S+: )?)ErrImagePull: (.*)$",
            Pattern.DOTALL);

    /** What the Revision's instances come to: those to replace now, and how to report the Revision meanwhile. */
    record Decision(List<Instance> replace, Optional<InstanceState> state) {

        static final Decision NONE = new Decision(List.of(), Optional.empty());

        Decision {
            replace = List.copyOf(replace);
        }
    }

    /**
     * A Revision's pull failures in a row, when it pulls again, the last wait, when its latest pull failed, and the
     * failed instances already in {@code failures}.
     */
    private record Pulls(int failures, Instant retryAt, Duration delay, Instant lastFailed, Set<String> counted) {

        /** Shown as ErrImagePull at {@code now}, rather than ImagePullBackOff. */
        boolean justFailed(Instant now) {
            return now.isBefore(lastFailed.plus(ERR_IMAGE_PULL_SHOWN));
        }
    }

    private final InstantSource clock;
    private final Map<NamespacedName, Pulls> revisions = new ConcurrentHashMap<>();

    ImagePullBackOff(InstantSource clock) {
        this.clock = clock;
    }

    /** Decides for the Revision's {@code instances} (those serving it) as they are now. */
    Decision decide(NamespacedName revision, List<Instance> instances) {
        if (instances.stream().anyMatch(instance -> instance.address().isPresent())) {
            revisions.remove(revision);
            return Decision.NONE;
        }
        List<Instance> failed = instances.stream().filter(instance -> pullFailure(instance).isPresent()).toList();
        if (failed.isEmpty()) {
            return Decision.NONE;
        }
        Pulls pulls = revisions.getOrDefault(revision, new Pulls(0, Instant.MIN, Duration.ZERO, Instant.MIN,
                Set.of()));
        Set<String> counted = new HashSet<>();
        for (Instance instance : failed) {
            counted.add(instance.id());
            if (!pulls.counted().contains(instance.id())) {
                Duration delay = delay(pulls.failures() + 1);
                Instant failedAt = termination(instance).at();
                Instant at = failedAt.plus(delay);
                pulls = new Pulls(pulls.failures() + 1, at.isAfter(pulls.retryAt()) ? at : pulls.retryAt(), delay,
                        failedAt.isAfter(pulls.lastFailed()) ? failedAt : pulls.lastFailed(), pulls.counted());
            }
        }
        pulls = new Pulls(pulls.failures(), pulls.retryAt(), pulls.delay(), pulls.lastFailed(), Set.copyOf(counted));
        revisions.put(revision, pulls);
        Instant now = clock.instant();
        if (!now.isBefore(pulls.retryAt())) {
            return new Decision(failed, Optional.empty());
        }
        String message = pullFailure(failed.getFirst()).orElseThrow();
        return new Decision(List.of(), Optional.of(pulls.justFailed(now)
                ? new InstanceState.Failed(ERR_IMAGE_PULL, message)
                : new InstanceState.Failed(IMAGE_PULL_BACK_OFF, "Back-off " + pulls.delay().toSeconds()
                        + "s pulling image again after " + pulls.failures() + (pulls.failures() == 1 ? " failure"
                        : " failures") + ": " + message)));
    }

    /**
     * When the Revision's state as last {@link #decide decided} changes by itself: ErrImagePull turns into
     * ImagePullBackOff, or the back-off is over and the failed instances are replaced. Empty when it has no failures.
     */
    Optional<Instant> recheckAt(NamespacedName revision) {
        Pulls pulls = revisions.get(revision);
        if (pulls == null) {
            return Optional.empty();
        }
        return Optional.of(pulls.justFailed(clock.instant()) ? pulls.lastFailed().plus(ERR_IMAGE_PULL_SHOWN)
                : pulls.retryAt());
    }

    /** Forgets the Revision's failures: it is gone. */
    void forget(NamespacedName revision) {
        revisions.remove(revision);
    }

    /** The wait after {@code failures} failed pulls in a row (at least 1). */
    static Duration delay(int failures) {
        Duration delay = FIRST;
        for (int i = 1; i < failures && delay.compareTo(MAX) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }

    /** The registry's message when the instance failed to pull its image (the runtime's reason after its code). */
    private static Optional<String> pullFailure(Instance instance) {
        if (!(instance.state() instanceof dev.kumo.runtime.spi.InstanceState.Failed)) {
            return Optional.empty();
        }
        Matcher matcher = PULL_FAILED.matcher(termination(instance).reason());
        return matcher.matches() ? Optional.of(matcher.group(1) + matcher.group(2)) : Optional.empty();
    }

    private static Termination termination(Instance instance) {
        return ((dev.kumo.runtime.spi.InstanceState.Failed) instance.state()).termination();
    }
}
