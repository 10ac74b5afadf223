package dev.kumo.controller.configuration;

import static dev.kumo.api.serving.lifecycle.ConfigurationConditions.READY;
import static dev.kumo.api.serving.lifecycle.ConfigurationConditions.SET;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.ConfigurationStatus;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Configuration's status being reconciled, changed only through named mutators (as Knative's lifecycle). */
final class ConfigurationLifecycle {

    static final String REVISION_FAILED = "RevisionFailed";
    static final String REVISION_DELETED = "RevisionDeleted";

    private final ConfigurationStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private String latestCreated;
    private String latestReady;

    ConfigurationLifecycle(ConfigurationStatus current, InstantSource clock) {
        this.original = current == null ? ConfigurationStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.latestCreated = original.latestCreatedRevisionName();
        this.latestReady = original.latestReadyRevisionName();
    }

    /** A new latest Revision: Ready is Unknown until it is ready, unless it already is the latest ready one. */
    void setLatestCreated(String name) {
        latestCreated = name;
        if (!name.equals(latestReady)) {
            conditions = SET.markUnknown(conditions, READY, null, null, clock);
        }
    }

    /** The newest ready Revision; the Configuration is Ready when that is also the latest created. */
    void setLatestReady(String name) {
        latestReady = name;
        if (name.equals(latestCreated)) {
            conditions = SET.markTrue(conditions, READY, clock);
        }
    }

    void markLatestCreatedFailed(String name, String message) {
        conditions = SET.markFalse(conditions, READY, REVISION_FAILED,
                "Revision \"" + name + "\" failed with message: " + message + ".", clock);
    }

    void markRevisionCreationFailed(String message) {
        conditions = SET.markFalse(conditions, READY, REVISION_FAILED,
                "Revision creation failed with message: " + message + ".", clock);
    }

    void markLatestReadyDeleted() {
        conditions = SET.markFalse(conditions, READY, REVISION_DELETED,
                "Revision \"" + latestReady + "\" was deleted.", clock);
        latestReady = null;
    }

    Optional<String> latestReady() {
        return Optional.ofNullable(latestReady);
    }

    boolean isLatestReady(String name) {
        return Objects.equals(latestReady, name);
    }

    ConfigurationStatus toStatus(long generation) {
        return original.toBuilder().observedGeneration(generation).conditions(conditions)
                .latestReadyRevisionName(latestReady).latestCreatedRevisionName(latestCreated).build();
    }
}
