package dev.kumo.controller.apiserversource;

import static dev.kumo.api.sources.lifecycle.SourceConditions.SUFFICIENT_PERMISSIONS;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.lifecycle.SourceConditions;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.source.Sinks;
import dev.kumo.controller.source.SourceReconciler;
import dev.kumo.controller.source.SourceRunner;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/**
 * Wires the ApiServerSource reconciler (a {@link SourceReconciler} whose runner watches the store): its primary
 * kind, and the addressables the sinks name.
 */
public final class ApiServerSourceController {

    public static final String NAME = "apiserversources";

    /** Ready from SinkProvided, Deployed and SufficientPermissions, always True: Kumo has no RBAC. */
    static final SourceReconciler.Kind<ApiServerSource> KIND = SourceReconciler.Kind.deployed(
            SourceConditions.API_SERVER_SOURCE, s -> s.spec().sink(), ApiServerSource::status,
            ApiServerSource::withStatus, (source, status) -> status.markTrue(SUFFICIENT_PERMISSIONS));

    private ApiServerSourceController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock,
            SourceRunner<ApiServerSource> runner) {
        Tracker tracker = new Tracker();
        engine.register(DestinationResolver.watchingAddressables(Controller.of(NAME, ResourceTypes.API_SERVER_SOURCE,
                reconciler(store, clock, runner, tracker)), tracker));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static SourceReconciler<ApiServerSource> reconciler(ResourceStore store, InstantSource clock,
            SourceRunner<ApiServerSource> runner, Tracker tracker) {
        return new SourceReconciler<>(new TypedStore<>(store, ResourceTypes.API_SERVER_SOURCE,
                ApiServerSource.class), KIND, new Sinks(new DestinationResolver(store), tracker), runner, clock);
    }
}
