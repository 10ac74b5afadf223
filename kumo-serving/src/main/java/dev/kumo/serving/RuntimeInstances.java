package dev.kumo.serving;

import dev.kumo.runtime.support.ColdStartStages;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.InstanceReport;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.controller.revision.Replicas;
import dev.kumo.controller.revision.RevisionInstances;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.serving.deployments.DeploymentInstances;
import dev.kumo.serving.scaling.RevisionScaling;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Revision reconciler's instances, run by the {@link WorkloadRuntime} that {@link RuntimeChoice} picks, in the
 * count the autoscaler wants: missing instances are started, extra ones drained and stopped (those not ready first,
 * then the newest), and none run while a Revision is scaled to zero; an instance whose image could not be pulled is
 * replaced after the image pull back-off ({@link ImagePullBackOff}).
 */
public final class RuntimeInstances implements RevisionInstances {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeInstances.class);

    /** Log lines of a starting instance quoted when it misses its progress deadline. */
    private static final int STARTING_LOG_LINES = 10;

    private final Runtimes runtimes;
    private final RuntimeChoice choice;
    private final WorkloadSpecs specs;
    private final RevisionScaling scaling;
    private final InstanceDrain drain;
    private final JvmAotCache aot;
    private final ImagePullBackOff pulls;
    private final Map<String, Long> startOrder = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private final Map<NamespacedName, Prepared> prepared = new ConcurrentHashMap<>();
    /** The Revision each key was last ensured with, for {@link #scaleNow}. */
    private final Map<NamespacedName, Revision> seen = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final ColdStartQuiet quiet = new ColdStartQuiet();

    /** {@code runtimes}: each runtime that is on, by name; {@code choice} picks one of them for each Revision. */
    RuntimeInstances(Map<RuntimeName, WorkloadRuntime> runtimes, RuntimeChoice choice, WorkloadSpecs specs,
            RevisionScaling scaling, InstanceDrain drain, JvmAotCache aot) {
        this(Runtimes.of(runtimes), choice, specs, scaling, drain, aot);
    }

    /** {@code runtimes}: the runtimes that run here and those on that could not start. */
    RuntimeInstances(Runtimes runtimes, RuntimeChoice choice, WorkloadSpecs specs, RevisionScaling scaling,
            InstanceDrain drain, JvmAotCache aot) {
        this(runtimes, choice, specs, scaling, drain, aot, InstantSource.system());
    }

    /** {@code clock}: the time the image pull back-off is measured by. */
    RuntimeInstances(Runtimes runtimes, RuntimeChoice choice, WorkloadSpecs specs, RevisionScaling scaling,
            InstanceDrain drain, JvmAotCache aot, InstantSource clock) {
        this.pulls = new ImagePullBackOff(clock);
        this.clock = clock;
        this.runtimes = runtimes;
        this.choice = choice;
        this.specs = specs;
        this.scaling = scaling;
        this.drain = drain;
        this.aot = aot;
    }

    @Override
    public synchronized InstanceReport ensure(Revision revision) {
        NamespacedName key = new NamespacedName(revision.metadata().namespace(), revision.metadata().name());
        seen.put(key, revision);
        int desired = scaling.desired(revision);
        ImagePullBackOff.Decision pull = pulls.decide(key, serving(key));
        // Replaced as the kubelet pulls again: out of the count now, so the new instances start below.
        pull.replace().forEach(failed -> drain.drain(failed, Duration.ZERO));
        List<Instance> serving = serving(key);
        if (serving.size() < desired) {
            Chosen chosen = runtimeFor(revision);
            WorkloadSpec spec;
            try {
                // Translated before a refusal of the runtime, so a missing ConfigMap or a bad quantity is named first.
                spec = specs.of(revision, chosen instanceof Chosen.Run run ? run.name() : RuntimeName.PROCESS);
            } catch (EnvResolver.UnresolvableEnvException e) {
                return cannotStart(desired, new InstanceState.Failed("ConfigurationMissing", e.getMessage()));
            } catch (IllegalArgumentException e) {
                return cannotStart(desired, InstanceState.Failed.permanent("InvalidSpec", e.getMessage()));
            }
            Chosen.Run run;
            switch (chosen) {
                case Chosen.Run runIt -> run = runIt;
                case Chosen.NotOn notOn -> {
                    return cannotStart(desired, InstanceState.Failed.permanent("RuntimeUnsupported", notOn.reason()));
                }
            }
            Optional<String> unsupported = run.runtime().unsupported(spec);
            if (unsupported.isPresent()) {
                return cannotStart(desired, InstanceState.Failed.permanent("RuntimeUnsupported", unsupported.get()));
            }
            List<Instance> all = new ArrayList<>(serving);
            RevisionId id = new RevisionId(key.namespace(), key.name());
            for (int i = serving.size(); i < desired; i++) {
                WorkloadSpec next = spec instanceof ProcessWorkload process
                        ? aot.specFor(id, revision.metadata().annotationsOrEmpty(), process) : spec;
                ColdStartStages.reached(key.namespace(), key.name(), "starting");
                Instance instance = runtimes.start(run.name(), next);
                aot.started(id, next, instance.id());
                startOrder.put(instance.id(), started.incrementAndGet());
                all.add(instance);
            }
            // A Revision scaling up may soon want one more: the runtime may get it ready to start.
            prepare(key, run.name(), spec);
            serving = all;
        } else if (serving.size() > desired) {
            serving = scaleIn(revision, serving, desired);
        } else if (desired == 0 && serving.isEmpty()) {
            prepareFromZero(key, revision);
        }
        int ready = (int) serving.stream().filter(i -> i.address().isPresent()).count();
        List<Instance> kept = serving;
        boolean atZero = desired == 0 && kept.isEmpty();
        InstanceState state = atZero ? new InstanceState.ScaledToZero() : pull.state().orElseGet(() -> summary(kept));
        return new InstanceReport(new Replicas(desired, ready, serving.size()), state, limitsInForce(revision),
                serving.stream().mapToInt(Instance::restarts).sum(), InstanceFailures.lastTermination(serving),
                InstanceFailures.sidecarProblems(serving, servingContainerName(revision)),
                // The back-off's next step is due at a set time: the reconciler looks again then.
                !atZero && pull.state().isPresent() ? pulls.recheckAt(key) : Optional.empty());
    }

    @Override
    public synchronized void remove(NamespacedName revision) {
        pulls.forget(revision);
        RevisionId id = new RevisionId(revision.namespace(), revision.name());
        seen.remove(revision);
        List<CompletableFuture<Instance>> stopped = new ArrayList<>();
        instancesOf(revision).forEach(instance -> {
            startOrder.remove(instance.id());
            stopped.add(runtimes.stop(instance.id()));
        });
        scaling.forget(id);
        Prepared hinted = prepared.remove(revision);
        if (hinted != null) {
            runtimes.prepare(hinted.runtime(), hinted.spec(), 0); // what was made ahead for it goes now
        }
        // The JVM writes a cache it records as it exits: remove the cache once every instance is gone.
        CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new)).whenComplete((done, failed) -> aot.remove(id));
    }

    @Override
    public void onChange(Consumer<NamespacedName> listener) {
        Map<NamespacedName, Instant> followUpAt = new ConcurrentHashMap<>(); // when each held follow-up is due
        runtimes.watch(instance -> {
            if (DeploymentInstances.deployment(instance.revision()).isPresent()) {
                return; // a Deployment's: no Revision of that name to reconcile (it would stop them as removed)
            }
            NamespacedName key = new NamespacedName(instance.revision().namespace(), instance.revision().revision());
            if (instance.state() instanceof dev.kumo.runtime.spi.InstanceState.Ready) {
                quiet.ready(key, clock.instant());
            }
            followUp(key, listener, followUpAt);
        });
        scaling.onChange(revision -> {
            NamespacedName key = new NamespacedName(revision.namespace(), revision.name());
            if (scaling.lastDesired(revision) > 0 && instancesOf(key).isEmpty()) {
                quiet.coldStart(key, clock.instant()); // woken from zero: the instance's changes follow the start
            }
            // The decision's own reconcile follows the direct start, held as the instance's changes are (its status
            // write and the reconciles it wakes are CPU the start and the held request need); at once when there is
            // no direct start, it failed or started nothing: the reconciler then starts the instance or says why.
            Runnable reconcile = () -> listener.accept(key);
            Runnable afterStart = () -> {
                if (instancesOf(key).isEmpty()) {
                    reconcile.run();
                } else {
                    followUp(key, listener, followUpAt);
                }
            };
            if (!scaleNow(key, afterStart, reconcile)) {
                reconcile.run();
            }
        });
    }

    /** Tells the reconciler of an instance change of {@code key}: now, or once its cold start is past. */
    private void followUp(NamespacedName key, Consumer<NamespacedName> listener,
            Map<NamespacedName, Instant> followUpAt) {
        Instant now = clock.instant();
        Optional<Instant> held = quiet.heldUntil(key, now);
        if (held.isEmpty()) {
            listener.accept(key);
            return;
        }
        Instant at = held.get();
        Instant scheduled = followUpAt.merge(key, at, (was, wanted) -> wanted.isBefore(was) ? wanted : was);
        if (scheduled.equals(at)) { // the earliest so far: (re)scheduled, an extra reconcile being harmless
            CompletableFuture.delayedExecutor(Duration.between(now, at).toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
                followUpAt.remove(key, at);
                followUp(key, listener, followUpAt);
            });
        }
    }

    /**
     * The autoscaler changed what {@code key} should run: converge at once, as Knative's KPA scales the Deployment
     * itself, rather than after the reconciler's queue, store read and status (it still follows, for the status).
     * A request waits on this when it woke the Revision from zero. The Revision last ensured stands in: a
     * Revision's spec never changes, and one never ensured is left to the reconciler. Then {@code ensured}, or
     * {@code failed} when ensuring threw; false when there is nothing to ensure (neither is run).
     */
    private boolean scaleNow(NamespacedName key, Runnable ensured, Runnable failed) {
        if (!seen.containsKey(key)) {
            return false;
        }
        Thread.ofVirtual().name("scale-" + key.name()).start(() -> {
            ColdStartStages.reached(key.namespace(), key.name(), "ensuring");
            boolean done = false;
            try {
                ensureIfKnown(key);
                done = true;
            } catch (RuntimeException e) {
                LOG.debug("scaling {} at once: {} (the reconciler retries and reports)", key, e.toString());
            }
            (done ? ensured : failed).run();
        });
        return true;
    }

    /** Ensures the Revision last seen for {@code key}, unless it was removed (deleted): nothing may start for it. */
    private synchronized void ensureIfKnown(NamespacedName key) {
        Revision last = seen.get(key);
        if (last != null) {
            ensure(last);
        }
    }

    /** Drains the instances beyond {@code desired}: those not ready first, then the most recently started. */
    private List<Instance> scaleIn(Revision revision, List<Instance> serving, int desired) {
        List<Instance> byKeepOrder = serving.stream()
                .sorted(Comparator.comparing((Instance i) -> i.address().isEmpty())
                        .thenComparing(i -> startOrder.getOrDefault(i.id(), 0L)))
                .toList();
        Duration drainFor = InstanceDrain.graceOf(Optional.ofNullable(revision.spec().timeoutSeconds()));
        byKeepOrder.subList(desired, byKeepOrder.size()).forEach(instance -> {
            startOrder.remove(instance.id());
            drain.drain(instance, drainFor);
        });
        return byKeepOrder.subList(0, desired);
    }

    private List<Instance> serving(NamespacedName revision) {
        return instancesOf(revision).stream().filter(i -> !drain.draining(i.id())).toList();
    }

    private List<Instance> instancesOf(NamespacedName revision) {
        return runtimes.instances().stream()
                .filter(i -> i.revision().namespace().equals(revision.namespace())
                        && i.revision().revision().equals(revision.name()))
                .toList();
    }

    /** What the choice picked, as one of the runtimes that run here. */
    private sealed interface Chosen {
        record Run(RuntimeName name, WorkloadRuntime runtime) implements Chosen {
        }

        record NotOn(String reason) implements Chosen {
        }
    }

    private Chosen runtimeFor(Revision revision) {
        return switch (choice.of(revision)) {
            case RuntimeChoice.Choice.NotOn notOn -> new Chosen.NotOn(notOn.reason());
            case RuntimeChoice.Choice.Run run -> runtimes.get(run.runtime())
                    .<Chosen>map(runtime -> new Chosen.Run(run.runtime(), runtime))
                    .orElseGet(() -> new Chosen.NotOn(runtimes.unavailable(run.runtime()).orElse("the "
                            + run.runtime() + " runtime is not running in this server")));
        };
    }

    /**
     * A Revision at zero may be woken by a request: the runtime chosen for it is told, so it can get an instance
     * ready to start (a warm pool). One that cannot be translated is left alone; starting it will say why.
     */
    private void prepareFromZero(NamespacedName key, Revision revision) {
        if (runtimeFor(revision) instanceof Chosen.Run run) {
            try {
                prepare(key, run.name(), specs.of(revision, run.name()));
            } catch (RuntimeException e) {
                // Named by the next start's report, not here.
            }
        }
    }

    /** Hints one instance of {@code spec} to its runtime, remembered so that a deletion can take the hint back. */
    private void prepare(NamespacedName key, RuntimeName runtime, WorkloadSpec spec) {
        prepared.put(key, new Prepared(runtime, spec));
        runtimes.prepare(runtime, spec, 1);
    }

    /** The last hint given for a Revision. */
    private record Prepared(RuntimeName runtime, WorkloadSpec spec) {
    }

    private Optional<String> limitsInForce(Revision revision) {
        try {
            return runtimeFor(revision) instanceof Chosen.Run run
                    ? run.runtime().limitsInForce(specs.limits(revision)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String servingContainerName(Revision revision) {
        String name = WorkloadSpecs.servingContainer(revision).name();
        return name == null || name.isEmpty() ? ImageWorkload.DEFAULT_CONTAINER_NAME : name;
    }

    private static InstanceReport cannotStart(int desired, InstanceState.Failed failed) {
        return new InstanceReport(new Replicas(desired, 0, 0), failed);
    }

    /** Ready if any instance is; else why none is (exit, crash loop, failure), else starting since the first start. */
    private InstanceState summary(List<Instance> instances) {
        if (instances.stream().anyMatch(i -> i.address().isPresent())) {
            return new InstanceState.Ready();
        }
        for (Instance instance : instances) {
            Optional<InstanceState> failure = InstanceFailures.of(instance.state());
            if (failure.isPresent()) {
                return failure.get();
            }
        }
        return instances.stream()
                .flatMap(i -> i.state() instanceof dev.kumo.runtime.spi.InstanceState.Starting s
                        ? Stream.of(starting(i, s)) : Stream.empty())
                .min(Comparator.comparing(InstanceState.Starting::since))
                .orElseThrow(() -> new IllegalStateException("instances neither ready, failed nor starting: "
                        + instances));
    }

    private InstanceState.Starting starting(Instance instance, dev.kumo.runtime.spi.InstanceState.Starting state) {
        List<String> lastLines = runtimes.logs(instance.id()).map(log -> log.tail(STARTING_LOG_LINES))
                .orElse(List.of()).stream().map(LogLine::text).toList();
        return new InstanceState.Starting(state.since(), state.lastProbeFailure(), lastLines);
    }
}
