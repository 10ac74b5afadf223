package dev.kumo.controller.configuration;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.events.EventRecorder;

import static dev.kumo.controller.client.ServingLabels.CONFIGURATION;
import static dev.kumo.controller.client.ServingLabels.CONFIGURATION_GENERATION;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.api.serving.lifecycle.RevisionConditions;
import dev.kumo.controller.client.Owners;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.configuration.resources.MakeRevision;
import dev.kumo.controller.configuration.resources.RevisionNames;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Optional;

/**
 * Makes sure the Revision of a Configuration's current template exists and records the latest created and the
 * latest ready Revision: a failing newest Revision leaves latestReady on the last one that became ready.
 */
public final class ConfigurationReconciler implements Reconciler {

    private final TypedStore<Configuration> configurations;
    private final TypedStore<Revision> revisions;
    private final InstantSource clock;
    private final EventRecorder events;

    public ConfigurationReconciler(TypedStore<Configuration> configurations, TypedStore<Revision> revisions,
            InstantSource clock) {
        this(configurations, revisions, clock, EventRecorder.NONE);
    }

    /** A reconciler recording the Revisions it creates as Events ({@code Created}, as Knative's does). */
    public ConfigurationReconciler(TypedStore<Configuration> configurations, TypedStore<Revision> revisions,
            InstantSource clock, EventRecorder events) {
        this.configurations = configurations;
        this.revisions = revisions;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Configuration> found = configurations.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        Configuration configuration = found.get();
        ConfigurationLifecycle status = new ConfigurationLifecycle(configuration.status(), clock);
        String latestName = RevisionNames.forGeneration(configuration);
        Optional<Revision> existing = revisions.get(key.namespace(), latestName);
        Optional<Revision> latestReady = checkLatestReadyExists(configuration, latestName, existing, status);
        latestCreated(configuration, latestName, existing, status).ifPresent(latest -> {
            status.setLatestCreated(latest.metadata().name());
            observeLatestCreated(latest, status);
            if (!status.isLatestReady(latest.metadata().name())) {
                findLatestReady(configuration, latest, latestReady, status);
            }
        });
        configurations.updateStatusIfChanged(configuration,
                configuration.withStatus(status.toStatus(configuration.metadata().generation())),
                Configuration::status);
        return Result.done();
    }

    /**
     * The recorded latest ready Revision, read by name (it is usually the latest created one, read already); marks
     * it deleted when it is gone.
     */
    private Optional<Revision> checkLatestReadyExists(Configuration configuration, String latestName,
            Optional<Revision> latest, ConfigurationLifecycle status) {
        if (status.latestReady().isEmpty()) {
            return Optional.empty();
        }
        String name = status.latestReady().get();
        Optional<Revision> revision = (name.equals(latestName) ? latest
                : revisions.get(configuration.metadata().namespace(), name))
                .filter(r -> isOf(r, configuration));
        if (revision.isEmpty()) {
            status.markLatestReadyDeleted();
        }
        return revision;
    }

    /** The Revision of the current generation, created if missing; empty if its name is taken by another owner. */
    private Optional<Revision> latestCreated(Configuration configuration, String name, Optional<Revision> existing,
            ConfigurationLifecycle status) {
        if (existing.isEmpty()) {
            Revision created = revisions.createControlledBy(MakeRevision.from(configuration), configurations,
                    configuration);
            events.normal(EventRecorder.about(ResourceTypes.CONFIGURATION, configuration.metadata()), "Created",
                    "Created Revision \"" + created.metadata().name() + "\"");
            return Optional.of(created);
        }
        if (!Owners.isControlledBy(existing.get(), configuration)) {
            status.markRevisionCreationFailed("revision \"" + name + "\" already exists and is not owned by"
                    + " configuration \"" + configuration.metadata().name() + "\"; choose another"
                    + " spec.template.metadata.name");
            return Optional.empty();
        }
        return existing;
    }

    private static void observeLatestCreated(Revision latest, ConfigurationLifecycle status) {
        Optional<Condition> ready = ready(latest);
        if (ready.isPresent() && ready.get().isTrue()) {
            status.setLatestReady(latest.metadata().name());
        } else if (ready.isPresent() && ready.get().isFalse()) {
            status.markLatestCreatedFailed(latest.metadata().name(),
                    Optional.ofNullable(ready.get().message()).orElse(String.valueOf(ready.get().reason())));
        }
    }

    /**
     * Moves latestReady to the newest ready Revision older than the latest created (which is not ready) and newer
     * than the recorded one. Only when a generation lies between those two can there be one, and only then are the
     * Configuration's Revisions listed: a reconcile costs a read or two however many Revisions the namespace holds.
     */
    private void findLatestReady(Configuration configuration, Revision latest, Optional<Revision> latestReady,
            ConfigurationLifecycle status) {
        long limit = generation(latest);
        long current = latestReady.map(ConfigurationReconciler::generation).orElse(0L);
        if (limit - current <= 1) {
            return;
        }
        revisions.list(configuration.metadata().namespace(), CONFIGURATION + "=" + configuration.metadata().name())
                .stream()
                .filter(r -> ready(r).map(Condition::isTrue).orElse(false))
                .filter(r -> generation(r) < limit && generation(r) > current)
                .max(Comparator.comparingLong(ConfigurationReconciler::generation))
                .ifPresent(r -> status.setLatestReady(r.metadata().name()));
    }

    private static boolean isOf(Revision revision, Configuration configuration) {
        return configuration.metadata().name().equals(revision.metadata().labelsOrEmpty().get(CONFIGURATION));
    }

    private static Optional<Condition> ready(Revision revision) {
        return revision.status() == null ? Optional.empty()
                : ConditionSet.find(revision.status().conditions(), RevisionConditions.READY);
    }

    private static long generation(Revision revision) {
        try {
            return Long.parseLong(revision.metadata().labelsOrEmpty().getOrDefault(CONFIGURATION_GENERATION, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
