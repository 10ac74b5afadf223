package dev.kumo.controller.configuration;

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
import java.util.List;
import java.util.Optional;

/**
 * Makes sure the Revision of a Configuration's current template exists and records the latest created and the
 * latest ready Revision: a failing newest Revision leaves latestReady on the last one that became ready.
 */
public final class ConfigurationReconciler implements Reconciler {

    private final TypedStore<Configuration> configurations;
    private final TypedStore<Revision> revisions;
    private final InstantSource clock;

    public ConfigurationReconciler(TypedStore<Configuration> configurations, TypedStore<Revision> revisions,
            InstantSource clock) {
        this.configurations = configurations;
        this.revisions = revisions;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Configuration> found = configurations.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        Configuration configuration = found.get();
        ConfigurationLifecycle status = new ConfigurationLifecycle(configuration.status(), clock);
        List<Revision> owned = revisions.list(key.namespace(), CONFIGURATION + "=" + key.name());
        checkLatestReadyExists(owned, status);
        latestCreated(configuration, status).ifPresent(latest -> {
            status.setLatestCreated(latest.metadata().name());
            observeLatestCreated(latest, status);
            findLatestReady(owned, latest, status);
        });
        configurations.updateStatusIfChanged(configuration,
                configuration.withStatus(status.toStatus(configuration.metadata().generation())),
                Configuration::status);
        return Result.done();
    }

    private static void checkLatestReadyExists(List<Revision> owned, ConfigurationLifecycle status) {
        if (status.latestReady().isPresent()
                && owned.stream().noneMatch(r -> status.isLatestReady(r.metadata().name()))) {
            status.markLatestReadyDeleted();
        }
    }

    /** The Revision of the current generation, created if missing; empty if its name is taken by another owner. */
    private Optional<Revision> latestCreated(Configuration configuration, ConfigurationLifecycle status) {
        String name = RevisionNames.forGeneration(configuration);
        Optional<Revision> existing = revisions.get(configuration.metadata().namespace(), name);
        if (existing.isEmpty()) {
            return Optional.of(revisions.createControlledBy(MakeRevision.from(configuration), configurations,
                    configuration));
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

    /** Moves latestReady to the newest ready Revision not newer than the latest created, if that is newer. */
    private static void findLatestReady(List<Revision> owned, Revision latest, ConfigurationLifecycle status) {
        long limit = generation(latest);
        long current = owned.stream().filter(r -> status.isLatestReady(r.metadata().name()))
                .mapToLong(ConfigurationReconciler::generation).findFirst().orElse(0);
        owned.stream()
                .filter(r -> ready(r).map(Condition::isTrue).orElse(false))
                .filter(r -> generation(r) <= limit && generation(r) > current)
                .max(Comparator.comparingLong(ConfigurationReconciler::generation))
                .ifPresent(r -> status.setLatestReady(r.metadata().name()));
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
