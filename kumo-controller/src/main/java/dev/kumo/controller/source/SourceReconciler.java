package dev.kumo.controller.source;

import static dev.kumo.api.sources.lifecycle.SourceConditions.DEPLOYED;
import static dev.kumo.api.sources.lifecycle.SourceConditions.SINK_PROVIDED;

import dev.kumo.api.duck.Destination;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.api.sources.SourceStatus;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.net.URI;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Runs a source that a {@link SourceRunner} runs (PingSource, ApiServerSource): resolves its sink (SinkProvided,
 * {@code status.sinkUri}) and hands it to the runner (Deployed). A source whose sink cannot be resolved, or that the
 * kind's access check refuses, is stopped until it can run; a deleted one is removed.
 */
public final class SourceReconciler<T extends HasMetadata> implements Reconciler {

    static final String NOT_DEPLOYED = "NotDeployed";
    static final String NOT_ALLOWED = "NotAllowed";

    /**
     * What differs between the kinds: the condition set and the conditions the sink and the runner are recorded
     * on, how to read the sink and status, how to write the status, what else the kind sets on it, and whether a
     * source may run at all (Knative's access check; it records its verdict on the status).
     */
    public record Kind<T>(ConditionSet conditions, String sinkCondition, String runCondition,
            Function<T, Destination> sink, Function<T, SourceStatus> status, BiFunction<T, SourceStatus, T> withStatus,
            BiConsumer<T, SourceLifecycle> decorate, BiPredicate<T, SourceLifecycle> access) {

        /** A kind whose sources may always run. */
        public Kind(ConditionSet conditions, String sinkCondition, String runCondition, Function<T, Destination> sink,
                Function<T, SourceStatus> status, BiFunction<T, SourceStatus, T> withStatus,
                BiConsumer<T, SourceLifecycle> decorate) {
            this(conditions, sinkCondition, runCondition, sink, status, withStatus, decorate, (source, s) -> true);
        }

        /** A kind whose conditions are SinkProvided and Deployed (PingSource), whose sources may always run. */
        public static <T> Kind<T> deployed(ConditionSet conditions, Function<T, Destination> sink,
                Function<T, SourceStatus> status, BiFunction<T, SourceStatus, T> withStatus,
                BiConsumer<T, SourceLifecycle> decorate) {
            return new Kind<>(conditions, SINK_PROVIDED, DEPLOYED, sink, status, withStatus, decorate);
        }

        /** A kind whose conditions are SinkProvided and Deployed, run only when {@code access} allows it. */
        public static <T> Kind<T> deployedIfAllowed(ConditionSet conditions, Function<T, Destination> sink,
                Function<T, SourceStatus> status, BiFunction<T, SourceStatus, T> withStatus,
                BiPredicate<T, SourceLifecycle> access) {
            return new Kind<>(conditions, SINK_PROVIDED, DEPLOYED, sink, status, withStatus, (source, s) -> { },
                    access);
        }
    }

    private final TypedStore<T> sources;
    private final Kind<T> kind;
    private final Sinks sinks;
    private final SourceRunner<T> runner;
    private final InstantSource clock;

    public SourceReconciler(TypedStore<T> sources, Kind<T> kind, Sinks sinks, SourceRunner<T> runner,
            InstantSource clock) {
        this.sources = sources;
        this.kind = kind;
        this.sinks = sinks;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<T> found = sources.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            sinks.forget(key);
            runner.remove(key);
            return Result.done();
        }
        T source = found.get();
        if (source.metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        SourceLifecycle status = new SourceLifecycle(kind.status().apply(source), kind.conditions(),
                kind.sinkCondition(), clock);
        kind.decorate().accept(source, status);
        boolean allowed = kind.access().test(source, status);
        Optional<URI> sink = sinks.resolve(key, kind.sink().apply(source), status);
        if (sink.isEmpty()) {
            runner.remove(key);
        } else if (!allowed) {
            runner.remove(key);
            // Unknown, not False, as Knative leaves it: Ready then carries the access check's reason.
            status.markUnknown(kind.runCondition(), NOT_ALLOWED, "not run: it was refused access to what it asks "
                    + "for (see its SufficientPermissions condition)");
        } else {
            runner.run(source, sink.get()).ifPresentOrElse(
                    why -> status.markFalse(kind.runCondition(), NOT_DEPLOYED, why),
                    () -> status.markTrue(kind.runCondition()));
        }
        long generation = source.metadata().generation() == null ? 0 : source.metadata().generation();
        sources.updateStatusIfChanged(source, kind.withStatus().apply(source, status.toStatus(generation)),
                kind.status());
        return Result.done();
    }
}
